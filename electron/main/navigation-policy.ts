/**
 * Where each web contents may navigate, by its id. A window says so when it is created; anything
 * not registered (a webview, a window we did not open) may navigate nowhere.
 */
export class NavigationPolicies {
  private policies = new Map<number, (url: string) => boolean>()

  allow(contentsId: number, policy: (url: string) => boolean): void {
    this.policies.set(contentsId, policy)
  }

  allows(contentsId: number, url: string): boolean {
    const policy = this.policies.get(contentsId)
    return policy !== undefined && policy(url)
  }

  forget(contentsId: number): void {
    this.policies.delete(contentsId)
  }
}
