let context: AudioContext | null = null

/** A short two-note chime for a new prompt. Silent where audio is unavailable or not yet allowed. */
export function playChime(): void {
  try {
    context ??= new AudioContext()
    const now = context.currentTime
    for (const [i, frequency] of [880, 1320].entries()) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, now + i * 0.18)
      gain.gain.exponentialRampToValueAtTime(0.25, now + i * 0.18 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.3)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(now + i * 0.18)
      oscillator.stop(now + i * 0.18 + 0.32)
    }
  } catch {
    // No audio device: the visible notice still shows.
  }
}
