/**
 * Chromium's sandbox on Linux needs unprivileged user namespaces (or a root-owned SUID
 * chrome-sandbox, impossible inside an AppImage). Ubuntu 23.10+ restricts them through AppArmor
 * (`kernel.apparmor_restrict_unprivileged_userns = 1`) for any program without a profile allowing
 * `userns`; some distributions turn them off altogether. Then Chromium aborts before any of our
 * code runs, so the choice is made by the launchers electron-builder writes:
 *
 * - the .deb installs electron-builder's AppArmor profile for /opt/Zhike/zhike: the sandbox works;
 * - the AppImage's AppRun probes `unshare -Ur true` and, only when that fails, starts Zhike with
 *   `--no-sandbox` (and its desktop entry no longer forces it: `appImage.executableArgs: []`).
 *
 * What Zhike itself decides, here: an AppImage started without the sandbox runs, says why in the
 * log at every start and, once, in a dialog that points to the .deb; any other packaged start
 * with --no-sandbox (someone typed it, or edited a shortcut) is refused, and Zhike offers to
 * restart with the sandbox. A development run may go without it (logged).
 */

/** What the kernel says, read from /proc/sys (null when the file does not exist or cannot be read). */
export interface KernelUserNamespaces {
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns (Ubuntu 23.10+). */
  apparmorRestrict: string | null
  /** /proc/sys/kernel/unprivileged_userns_clone (Debian's switch). */
  unprivilegedClone: string | null
  /** /proc/sys/user/max_user_namespaces (0: none at all). */
  maxNamespaces: string | null
}

export const kernelUserNamespaceFiles: Record<keyof KernelUserNamespaces, string> = {
  apparmorRestrict: '/proc/sys/kernel/apparmor_restrict_unprivileged_userns',
  unprivilegedClone: '/proc/sys/kernel/unprivileged_userns_clone',
  maxNamespaces: '/proc/sys/user/max_user_namespaces',
}

export type UserNamespaceRestriction = 'apparmor' | 'disabled'

/** Why unprivileged user namespaces are unavailable, or null when nothing says they are. */
export function userNamespaceRestriction(kernel: KernelUserNamespaces): UserNamespaceRestriction | null {
  if (kernel.unprivilegedClone?.trim() === '0' || kernel.maxNamespaces?.trim() === '0') return 'disabled'
  if (kernel.apparmorRestrict?.trim() === '1') return 'apparmor'
  return null
}

export interface SandboxFacts {
  platform: string
  packaged: boolean
  /** Set by the AppImage runtime (the path of the .AppImage file). */
  appImage: string | undefined
  /** Chromium was started with --no-sandbox. */
  noSandbox: boolean
  kernel: KernelUserNamespaces
}

export type SandboxVerdict =
  | { kind: 'sandboxed' }
  /** Accepted: the AppImage's launcher found no usable user namespaces. `cause` null: it found a reason we cannot see. */
  | { kind: 'appimage-unsandboxed'; cause: UserNamespaceRestriction | null }
  | { kind: 'development-unsandboxed' }
  /** A packaged app started with --no-sandbox for no reason we accept: refuse, offer a restart with it. */
  | { kind: 'refused' }

export function sandboxVerdict(facts: SandboxFacts): SandboxVerdict {
  if (!facts.noSandbox) return { kind: 'sandboxed' }
  if (!facts.packaged) return { kind: 'development-unsandboxed' }
  // Refusing an AppImage would loop: its launcher adds --no-sandbox again whenever its probe fails.
  if (facts.platform === 'linux' && facts.appImage) return { kind: 'appimage-unsandboxed', cause: userNamespaceRestriction(facts.kernel) }
  return { kind: 'refused' }
}

/** The log line for a verdict (written at every start), or null when there is nothing to say. */
export function sandboxLogLine(verdict: SandboxVerdict): string | null {
  switch (verdict.kind) {
    case 'sandboxed':
      return null
    case 'development-unsandboxed':
      return 'running without Chromium’s sandbox (--no-sandbox, development run)'
    case 'refused':
      return 'started with --no-sandbox although this PC does not need it: refused'
    case 'appimage-unsandboxed': {
      const why =
        verdict.cause === 'apparmor'
          ? 'AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)'
          : verdict.cause === 'disabled'
            ? 'unprivileged user namespaces are turned off in this kernel'
            : 'its launcher could not create a user namespace'
      return `the AppImage runs without Chromium’s sandbox: ${why}. Install the .deb (it brings an AppArmor profile) to run with it.`
    }
  }
}

/**
 * How to start Zhike again: the same arguments (less --no-sandbox when asked), and from an
 * AppImage through the .AppImage file itself, since the folder the running binary lives in is
 * unmounted when this process ends.
 */
export function relaunchOptions(options: { argv: readonly string[]; env: Record<string, string | undefined>; dropNoSandbox?: boolean }): { args: string[]; execPath?: string } {
  const args = options.argv.slice(1).filter((arg) => !(options.dropNoSandbox && arg === '--no-sandbox'))
  const appImage = options.env.APPIMAGE
  return appImage ? { args, execPath: appImage } : { args }
}
