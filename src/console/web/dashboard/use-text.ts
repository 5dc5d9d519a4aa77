import { useMemo } from 'react';
import { useI18n, type I18n } from '../i18n/i18n';
import { formatDate, formatDateTime, WIB } from '../../../words/zones';
import type { DashboardKey } from '../i18n/dashboard-id';

/**
 * The dashboard's words (i18n/dashboard-id.ts, dashboard-en.ts, in the console's one catalogue) and number formats in the console's language. National figures are shown
 * in WIB, the zone the agencies publish them in.
 */
export interface DashboardText {
  lang: I18n['lang'];
  label: I18n['label'];
  t(key: DashboardKey, params?: Record<string, string | number>): string;
  /** 1.450 (id) / 1,450 (en). */
  number(value: number): string;
  /** 0.9079 → "90,8%" (id) / "90.8%" (en); "—" when there is no rate. */
  percent(rate: number | null): string;
  /** "Jun 2020" (id: "Agu 2020" for August). */
  month(instant: string): string;
  date(instant: string): string;
  dateTime(instant: string): string;
}

export function useDashboardText(): DashboardText {
  const { lang, label, t } = useI18n();
  return useMemo(() => {
    const locale = lang === 'en' ? 'en-GB' : 'id-ID';
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const months = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' });
    return {
      lang,
      label,
      // The dashboard's words live in the one catalogue (i18n/), under `dashboard.`.
      t: (key, params) => t(`dashboard.${key}`, params),
      number: (value) => numbers.format(value),
      percent: (rate) => (rate === null ? '—' : percents.format(rate)),
      month: (instant) => months.format(new Date(instant)),
      date: (instant) => formatDate(instant, WIB, lang),
      dateTime: (instant) => formatDateTime(instant, WIB, lang),
    };
  }, [lang, label, t]);
}
