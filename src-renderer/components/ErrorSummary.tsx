import { Alert, Anchor, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { fieldId, type FormErrors } from '../lib/form-errors';

/**
 * The summary at the top of a form that was refused, as DSFR forms do: the general message, then each field's
 * problem with a link that puts the cursor in that field. `labels` names the form's fields by path; a problem on a
 * path the form does not show is listed with its message alone, so that nothing the route said is lost.
 */
export function ErrorSummary({ form, errors, labels }: { form: string; errors: FormErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors.fields);
  if (!errors.message && entries.length === 0) return null;
  const shownPath = (path: string) => Object.keys(labels).find((l) => path === l || path.startsWith(`${l}.`));
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={errors.message ?? 'Le formulaire contient des erreurs.'}>
      {entries.length > 0 && (
        <List size="sm" spacing={2}>
          {entries.map(([path, message]) => {
            const shown = shownPath(path);
            return (
              <List.Item key={path}>
                {shown ? (
                  <Anchor
                    href={`#${fieldId(form, shown)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(form, shown))?.focus();
                    }}
                  >
                    {labels[shown]}
                  </Anchor>
                ) : null}
                {shown ? ' : ' : ''}
                {message}
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}
