/** The day and minute the pane acts at; tests pass a fixed clock so results do not drift. */
import { todaySerial } from '../../core/model/dates';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function todayOf(clock: Clock): number {
  return todaySerial(clock());
}

/** "2026-11-23 14:05" in the user's own clock: how refresh stamps read in the workbook. */
export function localMinute(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}
