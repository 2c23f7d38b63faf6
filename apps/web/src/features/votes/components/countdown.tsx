import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownParts, remainingUntil } from '../utils/countdown';

interface CountdownProps {
  /** The moment counted down to. */
  until: string;
  /** Said before the time left: 「距投票截止还有」. */
  labelKey: 'votes.countdown.toClose' | 'votes.countdown.toOpen';
  /** Called once when the moment passes (the page reads the vote again). */
  onPassed?: () => void;
}

/**
 * Time left, ticking: every second in the last hour, every half minute before. Screen readers
 * are not interrupted by the ticks (the text is not a live region); they read it when they reach it.
 */
export function Countdown({ until, labelKey, onPassed }: CountdownProps) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const remaining = remainingUntil(until, now);
  const passed = remaining === null;
  const fast = remaining !== null && remaining.days === 0 && remaining.hours === 0;
  useEffect(() => {
    if (passed) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), fast ? 1000 : 30_000);
    return () => window.clearInterval(timer);
  }, [fast, passed]);
  const onPassedRef = useRef(onPassed);
  useEffect(() => {
    onPassedRef.current = onPassed;
  }, [onPassed]);
  useEffect(() => {
    if (passed) onPassedRef.current?.();
  }, [passed]);
  if (remaining === null) return null;
  const parts = countdownParts(remaining)
    .map((part) => t(`votes.countdown.${part.unit}`, { count: part.count }))
    .join(t('votes.countdown.joiner'));
  return (
    <p className="vote-countdown">
      <span className="vote-countdown__label">{t(labelKey)}</span> <strong className="vote-countdown__time">{parts}</strong>
    </p>
  );
}
