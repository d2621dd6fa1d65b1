import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { TextField, type TextFieldProps } from './TextField.tsx';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'adornment'> & {
  autoComplete: 'current-password' | 'new-password';
};

export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);

  // The toggle is named by its visible text, never aria-label, so that the input stays the only
  // element labelled "Password".
  const toggle = (
    <Button variant="secondary" className="field__toggle" aria-controls={props.id} onClick={() => setVisible((shown) => !shown)}>
      {visible ? t('form.hidePassword') : t('form.showPassword')}
    </Button>
  );

  return <TextField {...props} type={visible ? 'text' : 'password'} spellCheck={false} autoCapitalize="none" adornment={toggle} />;
}
