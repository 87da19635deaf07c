import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, zh } from '../../src/i18n/index.js';
import { DraftResumePrompt } from '../../src/react/views/draft-resume-prompt.js';
import { renderIn } from '../support/render.js';

const NOW = Date.UTC(2026, 10, 27, 13, 0, 0);
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('DraftResumePrompt', () => {
  it.each([
    ['zh', zh, '5 分钟前保存'],
    ['en', en, 'Saved 5 minutes ago'],
  ] as const)(
    'asks in %s whether to resume, says when it was saved, and offers both answers',
    async (lng, texts, ago) => {
      const onResume = vi.fn();
      const onDiscard = vi.fn();
      vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
      renderIn(
        lng,
        <DraftResumePrompt savedAt={NOW - 5 * MINUTE} onResume={onResume} onDiscard={onDiscard} />,
      );
      vi.useRealTimers();

      const region = screen.getByRole('region', { name: texts.ui.draftQuestion });
      expect(region).toHaveTextContent(ago);
      expect(region.querySelector('time')).toHaveAttribute(
        'datetime',
        new Date(NOW - 5 * MINUTE).toISOString(),
      );
      const resume = screen.getByRole('button', { name: texts.ui.resumeDraft });
      const discard = screen.getByRole('button', { name: texts.ui.discardDraft });
      expect(resume).toHaveClass('cae-button--primary');
      expect(discard).not.toHaveClass('cae-button--primary');
      expect(resume.compareDocumentPosition(discard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      await userEvent.click(resume);
      expect(onResume).toHaveBeenCalledTimes(1);
      expect(onDiscard).not.toHaveBeenCalled();
      await userEvent.click(discard);
      expect(onDiscard).toHaveBeenCalledTimes(1);
    },
  );

  it('asks the question of the issue in Chinese', () => {
    expect(zh.ui.draftQuestion).toBe('上次填写的表单还没有提交成功，要继续提交吗？');
    expect(zh.ui.resumeDraft).toBe('继续提交');
    expect(zh.ui.discardDraft).toBe('放弃');
  });

  it('leaves focus where it is when it appears', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    try {
      renderIn('zh', <DraftResumePrompt savedAt={Date.now()} onResume={() => {}} onDiscard={() => {}} />);
      expect(input).toHaveFocus();
    } finally {
      input.remove();
    }
  });

  it.each([
    [30_000, 'Saved just now'],
    [-MINUTE, 'Saved just now'], // a clock set differently
    [MINUTE, 'Saved 1 minute ago'],
    [59 * MINUTE, 'Saved 59 minutes ago'],
    [2 * 60 * MINUTE, 'Saved 2 hours ago'],
    [24 * 60 * MINUTE, 'Saved 1 day ago'],
    [3 * 24 * 60 * MINUTE, 'Saved 3 days ago'],
  ])('says %i ms ago as "%s"', (elapsed, text) => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    renderIn('en', <DraftResumePrompt savedAt={NOW - elapsed} onResume={() => {}} onDiscard={() => {}} />);
    expect(screen.getByRole('region')).toHaveTextContent(text);
  });

  it('moves the time on while it waits for an answer', () => {
    vi.useFakeTimers({ now: NOW });
    renderIn('zh', <DraftResumePrompt savedAt={NOW} onResume={() => {}} onDiscard={() => {}} />);
    expect(screen.getByRole('region')).toHaveTextContent(zh.ui.draftSavedJustNow);
    act(() => vi.advanceTimersByTime(3 * MINUTE));
    expect(screen.getByRole('region')).toHaveTextContent('3 分钟前保存');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e20, '2026-11-27' as unknown as number])(
    'leaves out a time it cannot read (%s), and still asks',
    (savedAt) => {
      renderIn('zh', <DraftResumePrompt savedAt={savedAt} onResume={() => {}} onDiscard={() => {}} />);
      const region = screen.getByRole('region', { name: zh.ui.draftQuestion });
      expect(region.querySelector('time')).toBeNull();
      expect(screen.getByRole('button', { name: zh.ui.resumeDraft })).toBeInTheDocument();
    },
  );

  it('keeps the host’s class beside its own', () => {
    renderIn(
      'zh',
      <DraftResumePrompt savedAt={NOW} onResume={() => {}} onDiscard={() => {}} className="mine" />,
    );
    expect(screen.getByRole('region')).toHaveClass('cae-draft', 'mine');
  });
});
