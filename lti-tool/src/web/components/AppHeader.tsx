import type { Me } from '@mentoring/shared';
import { routeHref, type Route } from '../app/route.ts';
import { initials } from '../lib/people.ts';
import { NotificationsLink } from './NotificationsLink.tsx';

/** The frame's top bar: where you are (program), the two or three places to go, and who you are. */
export function AppHeader({ me, route }: { me: Me; route: Route }) {
  const staff = me.programRole === 'staff';
  const atConnect = route.name === 'connect';
  const elsewhere = atConnect || route.name === 'notifications';
  const links = [
    staff
      ? { href: routeHref({ name: 'program', section: 'partnerships' }), label: 'Program', current: !elsewhere }
      : { href: routeHref({ name: 'home' }), label: 'My partnerships', current: !elsewhere },
    { href: routeHref({ name: 'connect' }), label: 'Connect your browser', current: atConnect },
  ];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <span className="brand-name">Mentoring workspace</span>
            <span className="brand-program">{me.program.title}</span>
          </div>
        </div>
        <nav aria-label="Main">
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
            <li>
              <NotificationsLink current={route.name === 'notifications'} />
            </li>
          </ul>
        </nav>
        <div className="who" title={me.person.email ?? undefined}>
          <span className="avatar" aria-hidden="true">
            {initials(me.person.name)}
          </span>
          <span>
            <span className="who-name">{me.person.name}</span>
            <span className="who-role">{staff ? 'Program staff' : 'Participant'}</span>
          </span>
        </div>
      </div>
    </header>
  );
}
