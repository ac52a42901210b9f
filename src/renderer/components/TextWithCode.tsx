import { Fragment } from 'react';

/**
 * A translated sentence whose `{name}` placeholders are syntax the user types (a key prefix, a JSON
 * line): each is shown as code, so it reads as input to copy rather than as words to translate.
 */
export function TextWithCode({ text, code }: { text: string; code: Record<string, string> }) {
  const parts = text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, index) => {
        if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
        const value = code[part];
        return value === undefined ? <Fragment key={index}>{`{${part}}`}</Fragment> : <code key={index}>{value}</code>;
      })}
    </>
  );
}
