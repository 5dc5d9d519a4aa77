import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { searchRegions, useRegionNames, type RegionOption } from './region-names';

const CODE = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;

interface Props {
  /** The API input path, e.g. `handlingUnit`. */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** The Kemendagri code chosen, '' for none. */
  value: string;
  onChange(code: string): void;
  levels?: RegionOption['level'][];
}

/**
 * A region by name: the officer types "lubuk", the list offers "Kota Lubuk Linggau — Sumatera
 * Selatan" (the `regions` query), and the form keeps its Kemendagri code. A code typed whole (16.73)
 * is taken as it is. An ARIA 1.2 combobox: arrows move through the list, Enter chooses, Escape closes.
 */
export function RegionPicker({ name, label, hint, error, required, value, onChange, levels = ['PROVINCE', 'REGENCY'] }: Props) {
  const { t } = useI18n();
  const id = useId();
  const names = useRegionNames([value]);
  const chosen = value ? names.get(value) : undefined;
  const [text, setText] = useState(value);
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);

  // The chosen code's name once known, unless the officer is typing.
  useEffect(() => {
    if (!typed.current) setText(chosen ? chosen.name : value);
  }, [value, chosen?.name]);

  useEffect(() => {
    if (!typed.current) return;
    const words = text.trim();
    if (words.length < 2 || CODE.test(words)) {
      setOptions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchRegions(words, levels).then(
        (found) => {
          if (!live) return;
          setOptions(found);
          setActive(found.length > 0 ? 0 : -1);
          setOpen(true);
        },
        () => live && setOptions([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const choose = (region: RegionOption) => {
    typed.current = false;
    setText(region.name);
    setOpen(false);
    onChange(region.code);
  };
  const type = (next: string) => {
    typed.current = true;
    setText(next);
    onChange(CODE.test(next.trim()) ? next.trim() : '');
  };

  const listId = `${id}-list`;
  const showList = open && options.length > 0;
  const described = [hint ? `${id}-hint` : '', value ? `${id}-code` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid region-picker' : 'field region-picker'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        required={required}
        value={text}
        onChange={(event) => type(event.target.value)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && options.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (event.key === 'ArrowUp' && options.length > 0) {
            event.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (event.key === 'Enter' && showList && active >= 0) {
            event.preventDefault();
            choose(options[active]);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('region.options', { label })} className="region-options" hidden={!showList}>
        {options.map((region, i) => (
          <li
            key={region.code}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(region);
            }}
          >
            {region.name}
            {region.parentName ? <span className="region-parent"> — {region.parentName}</span> : null}
          </li>
        ))}
      </ul>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {value ? (
        <p className="hint region-code" id={`${id}-code`}>
          {t('region.chosen', { name: chosen?.name ?? value, code: value })}
        </p>
      ) : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}
