/** The day and minute the pane acts at; tests pass a fixed clock so results do not drift. */
import { todaySerial } from '../../core/model/dates';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function todayOf(clock: Clock): number {
  return todaySerial(clock());
}
