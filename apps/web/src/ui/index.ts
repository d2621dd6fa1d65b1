export { Alert, type AlertTone } from './Alert.tsx';
export { Button, ButtonLink, type ButtonVariant } from './Button.tsx';
export { Card } from './Card.tsx';
export { MAIN_ID, PageLayout } from './PageLayout.tsx';
export { PasswordField } from './PasswordField.tsx';
export { SkipLink } from './SkipLink.tsx';
export { Spinner } from './Spinner.tsx';
export { TextField } from './TextField.tsx';
