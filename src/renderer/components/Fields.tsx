import { useId } from 'react';

/** Labelled form controls; every control has a visible label bound to it. */
export function TextField(props: { label: string; value: string; onChange(value: string): void; type?: 'text' | 'url' | 'password'; placeholder?: string; error?: string | null }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type={props.type ?? 'text'} value={props.value} placeholder={props.placeholder} aria-invalid={Boolean(props.error)} onChange={(e) => props.onChange(e.target.value)} />
      {props.error ? <span className="field-error">{props.error}</span> : null}
    </div>
  );
}

export function NumberField(props: { label: string; value: string; onChange(value: string): void; min: number; max: number; error?: string | null }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="number" inputMode="numeric" min={props.min} max={props.max} value={props.value} aria-invalid={Boolean(props.error)} onChange={(e) => props.onChange(e.target.value)} />
      {props.error ? <span className="field-error">{props.error}</span> : null}
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

export function SelectField<V extends string>(props: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange(value: V): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Parses a whole number within bounds, or null. */
export function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^-?\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}
