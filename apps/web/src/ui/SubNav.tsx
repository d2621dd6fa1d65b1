import { NavLink } from 'react-router';
import './SubNav.css';

export type SubNavLink = { to: string; label: string };

/** The pages of one area (the provider workspace, the operations console), as tabs. */
export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  return (
    <nav className="subnav" aria-label={label}>
      <ul className="subnav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} className="subnav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
