// Words for the problems of the host's event form (src/lib/host/event-form.ts).
import { m } from '$lib/i18n';
import type { EventProblem } from '$lib/host/event-form';

export function problemText(problem: EventProblem): string {
  switch (problem.code) {
    case 'title_missing':
      return m.hostevents_problem_title_missing();
    case 'starts_invalid':
      return m.hostevents_problem_starts_invalid();
    case 'ends_invalid':
      return m.hostevents_problem_ends_invalid();
    case 'ends_before_starts':
      return m.hostevents_problem_ends_before_starts();
    case 'event_ended':
      return m.hostevents_problem_event_ended();
    case 'too_long':
      return m.hostevents_problem_too_long();
    case 'capacity_invalid':
      return m.hostevents_problem_capacity_invalid();
    case 'capacity_below_confirmed':
      return m.hostevents_problem_capacity_below_confirmed({ count: problem.confirmed });
    case 'stays_cancelled':
      return m.hostevents_problem_stays_cancelled();
    case 'has_registrations':
      return m.hostevents_problem_has_registrations();
    case 'status_invalid':
      return m.hostevents_problem_status_invalid();
    case 'new_cancelled':
      return m.hostevents_problem_new_cancelled();
    case 'server':
      return m.hostevents_problem_server({ code: problem.serverCode });
  }
}
