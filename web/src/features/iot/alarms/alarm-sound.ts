import type { AlarmChangeDto } from "@contracts/iot/alarms";

const MUTE_KEY = "sc.iot.mute";

/** A change that deserves the beep: an alarm that became 紧急 (raised as such, or escalated to it). */
export const isNewCritical = (c: Pick<AlarmChangeDto, "kind" | "severity">) => c.severity === "critical" && (c.kind === "raised" || c.kind === "escalated");

export function isMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === "1";
  } catch {
    return false;
  }
}

export function setMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(MUTE_KEY, "1");
    else localStorage.removeItem(MUTE_KEY);
  } catch {
    // private mode: the toggle still applies to this tab
  }
}

let ctx: AudioContext | null = null;

/**
 * Two short tones through WebAudio (no sound file to ship). Browsers keep audio suspended until the
 * user has interacted with the page; a console left open after login has, and otherwise we stay silent.
 */
export function beep(): void {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
    const t0 = ctx.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "square";
      osc.frequency.value = freq;
      const start = t0 + i * 0.18;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.16);
    }
  } catch {
    // no audio device or API: the badge still shows the alarm
  }
}
