import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { isLocale, LOCALE_NAMES, LOCALES } from '@mentoring/shared/rules/locale';
import type { Me } from '@mentoring/shared';
import { useChooseLocale } from '../api/me.ts';
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
      ? { href: routeHref({ name: 'program', section: 'partnerships' }), label: t`Program`, current: !elsewhere }
      : { href: routeHref({ name: 'home' }), label: t`My partnerships`, current: !elsewhere },
    { href: routeHref({ name: 'connect' }), label: t`Connect your browser`, current: atConnect },
  ];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <span className="brand-name">
              <Trans>Mentoring workspace</Trans>
            </span>
            <bdi className="brand-program">{me.program.title}</bdi>
          </div>
        </div>
        <nav aria-label={t`Main`}>
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
        <LanguageMenu me={me} />
        <div className="who" title={me.person.email ?? undefined}>
          <span className="avatar" aria-hidden="true">
            {initials(me.person.name)}
          </span>
          <span>
            <bdi className="who-name">{me.person.name}</bdi>
            <span className="who-role">{staff ? t`Program staff` : t`Participant`}</span>
          </span>
        </div>
      </div>
    </header>
  );
}

/** The person's language, kept across launches; each language is named in itself. */
function LanguageMenu({ me }: { me: Me }) {
  const choose = useChooseLocale();
  return (
    <label className="language-menu">
      <span className="visually-hidden">
        <Trans>Language</Trans>
      </span>
      <select
        value={me.locale}
        disabled={choose.isPending}
        onChange={(e) => {
          if (isLocale(e.target.value)) choose.mutate(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
