/** A department as department.list gives it; an outlet names its department in parentCode. */
export interface DepartmentEntry {
  code: string
  name: { en: string; zh: string }
  parentCode: string | null
}

/** How the screen words a name: `name` picks the UI language, `join` reads "Food & Beverage › Chinese Restaurant" (outlets.label). */
export interface DepartmentWording {
  name: (text: { en: string; zh: string }) => string
  join: (department: string, outlet: string) => string
}

/** A department's name; an outlet's reads under its department's. An unknown code is shown as it is. */
export function departmentLabel(departments: readonly DepartmentEntry[], code: string, wording: DepartmentWording): string {
  const entry = departments.find((d) => d.code === code)
  if (!entry) return code
  const parent = entry.parentCode ? departments.find((d) => d.code === entry.parentCode) : undefined
  return parent ? wording.join(wording.name(parent.name), wording.name(entry.name)) : wording.name(entry.name)
}

/**
 * Choices for a department picker: each department followed by its outlets, whatever order the
 * list came in. `within` keeps one department and its outlets (F&B's own staff switch between them).
 */
export function departmentChoices(departments: readonly DepartmentEntry[], wording: DepartmentWording, within?: string): { value: string; label: string }[] {
  const known = new Set(departments.map((d) => d.code))
  // An outlet whose department is gone (deactivated) still needs a place: it stands alone.
  const tops = departments.filter((d) => (!d.parentCode || !known.has(d.parentCode)) && (within === undefined || d.code === within))
  return tops.flatMap((top) =>
    [top, ...departments.filter((d) => d.parentCode === top.code)].map((d) => ({ value: d.code, label: departmentLabel(departments, d.code, wording) })),
  )
}

/** The departments whose boards someone of `department` may open: its own and, for F&B, its outlets'. */
export function boardsOf(departments: readonly DepartmentEntry[], department: string): string[] {
  return [department, ...departments.filter((d) => d.parentCode === department).map((d) => d.code)]
}
