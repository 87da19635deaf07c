import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, zh, zhStaff } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';

afterEach(() => vi.restoreAllMocks());

describe('the staff’s audience with a visitor’s texts', () => {
  it('is not warned about with the staff’s texts, nor for a visitor’s page', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ApiErrorsProvider languages={{ zh: zhStaff }} audience="staff">
        <ApiErrorView error={errorFor('401')} />
      </ApiErrorsProvider>,
    );
    expect(screen.getByText(zhStaff.errors[401].title_staff as string)).toBeInTheDocument();
    render(
      <ApiErrorsProvider languages={{ zh }}>
        <ApiErrorView error={errorFor('401')} />
      </ApiErrorsProvider>,
    );
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('tells the developer once to give the staff’s texts (zhStaff), and still shows the visitor’s', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const languages of [{ zh }, { zh, en }]) {
      render(
        <ApiErrorsProvider languages={languages} language="zh" audience="staff">
          <ApiErrorView error={errorFor('401')} />
        </ApiErrorsProvider>,
      );
    }
    expect(screen.getAllByText(zh.errors[401].title)).toHaveLength(2);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toContain('audience="staff"');
    expect(String(consoleError.mock.calls[0]?.[0])).toContain('zhStaff');
    expect(en.errors[401].title_staff).toBeUndefined(); // the visitor's sets hold no staff variant
  });
});
