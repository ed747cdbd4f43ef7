import { cellOf, found, labels, TODAY, validate, withFirst } from './fixtures';

const l = labels();
const only = (change: Record<string, unknown>) => found(validate(withFirst('actions', change as never)));

describe('action plan rules', () => {
  it('actions.deadline.overdue: catches a planned action past its deadline; near misses: due today, or done', () => {
    expect(only({ deadline: TODAY - 1 })).toEqual([`actions.deadline.overdue@${cellOf('actions', 'deadline')}`]);
    expect(only({ deadline: TODAY })).toEqual([]);
    expect(only({ deadline: TODAY - 1, status: l.actionDone })).toEqual([]);
  });

  it('checks the action plan columns from their definitions', () => {
    expect(only({ status: 'Kanskje', instrument: null })).toEqual([
      `actions.instrument.required@${cellOf('actions', 'instrument')}`,
      `actions.status.notInList@${cellOf('actions', 'status')}`,
    ]);
  });
});
