import './Avatar.css';

type AvatarProps = {
  photoUrl: string | null;
  firstName: string;
  lastName: string;
  /** Describes the photo; leave empty when the name is shown right beside it. */
  alt: string;
  size?: 'medium' | 'large';
};

/** A provider's photo, or their initials when there is none. */
export function Avatar({ photoUrl, firstName, lastName, alt, size = 'medium' }: AvatarProps) {
  const className = `avatar avatar--${size}`;
  if (photoUrl) return <img className={className} src={photoUrl} alt={alt} />;
  const initials = `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase();
  return (
    <span className={`${className} avatar--initials`} aria-hidden="true">
      {initials}
    </span>
  );
}
