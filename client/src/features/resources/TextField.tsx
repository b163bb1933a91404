import type { ReactNode } from 'react';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  help?: ReactNode;
  maxLength?: number;
  multiline?: boolean;
  type?: 'text' | 'url';
  required?: boolean;
  autoComplete?: string;
}

/** A labelled input or textarea whose help and error are tied to it with aria-describedby. */
export function TextField({ id, label, value, onChange, error, help, maxLength, multiline, type = 'text', required, autoComplete = 'off' }: TextFieldProps) {
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'text-input',
    value,
    maxLength,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-label">
        {label}
        {!required && <span className="form-label__optional"> (optional)</span>}
      </label>
      {help && (
        <p id={`${id}-help`} className="form-help">
          {help}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
