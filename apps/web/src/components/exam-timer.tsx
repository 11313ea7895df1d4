import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRemaining } from '../lib/exam-answer.ts';

/** Minutes left at which the timer says so out loud (a polite live region, not every second). */
const WARNINGS = [5, 1];

/**
 * The time left, counted down from the server's deadline with the offset between the server's clock and this
 * one: a display only, the server refuses late answers whatever it shows. At zero it calls `onExpired`.
 */
export function ExamTimer({ deadline, serverNow, onExpired }: { deadline: string; serverNow: string; onExpired: () => void }) {
  const offset = useRef(Date.parse(serverNow) - Date.now());
  const remaining = () => Date.parse(deadline) - (Date.now() + offset.current);
  const [left, setLeft] = useState(remaining);
  const [warning, setWarning] = useState('');
  const expired = useRef(onExpired);
  expired.current = onExpired;

  useEffect(() => {
    offset.current = Date.parse(serverNow) - Date.now();
  }, [serverNow]);

  useEffect(() => {
    const timer = setInterval(() => {
      const now = remaining();
      setLeft(now);
      const minute = WARNINGS.find((minutes) => now <= minutes * 60_000 && now > minutes * 60_000 - 1000);
      if (minute !== undefined) setWarning(`${minute} ${minute === 1 ? 'minute' : 'minutes'} left`);
      if (now <= 0) {
        clearInterval(timer);
        expired.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  return (
    <p class={`exam-timer${left <= 5 * 60_000 ? ' exam-timer-low' : ''}`}>
      <span class="visually-hidden">Time left: </span>
      <span role="timer" data-testid="exam-timer">{formatRemaining(left)}</span>
      <span class="visually-hidden" role="status">
        {warning}
      </span>
    </p>
  );
}
