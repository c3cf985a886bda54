/** The largest report Zhike reads (core refuses bigger ones too). */
export const maxReportBytes = 10 * 1024 * 1024

/** A file's bytes as base64, the way pms.preview and pms.import take them. */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    // A data: URL is "data:<type>;base64,<content>"; the browser encodes, which is fast for 10 MB.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.readAsDataURL(file)
  })
}

/** True for the files the import takes: .csv, .txt, .xlsx (the bytes decide in core). */
export function looksLikeReport(name: string): boolean {
  return /\.(csv|txt|tsv|xlsx|xlsm)$/i.test(name)
}
