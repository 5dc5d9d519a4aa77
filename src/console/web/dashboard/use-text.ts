import { useMemo } from 'react';
import { useI18n, type I18n } from '../i18n/i18n';
import { formatDate, formatDateTime, WIB } from '../time/zones';
import { DASHBOARD_TEXT_EN } from './text-en';
import { DASHBOARD_TEXT_ID, type DashboardKey } from './text-id';

/**
 * The dashboard's words and number formats in the console's language. National figures are shown
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
  const { lang, label } = useI18n();
  return useMemo(() => {
    const text = lang === 'en' ? DASHBOARD_TEXT_EN : DASHBOARD_TEXT_ID;
    const locale = lang === 'en' ? 'en-GB' : 'id-ID';
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const months = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' });
    return {
      lang,
      label,
      t: (key, params = {}) => text[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)),
      number: (value) => numbers.format(value),
      percent: (rate) => (rate === null ? '—' : percents.format(rate)),
      month: (instant) => months.format(new Date(instant)),
      date: (instant) => formatDate(instant, WIB, lang),
      dateTime: (instant) => formatDateTime(instant, WIB, lang),
    };
  }, [lang, label]);
}
