/**
 * `npm run platform -- add|list|remove|values`: manual platform registration for LMSs without
 * Dynamic Registration (Canvas, Blackboard, D2L, Schoology), and the values they ask for.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openCore } from '../core.ts';
import { listPlatforms, registerPlatform, removePlatform, toolEndpoints } from '../services/registration.ts';
import { addDeployment } from '../models/deployments.ts';
import { setRelaunchTemplate } from '../models/logins.ts';
import { relaunchTemplateProblem } from '../lti/relaunch.ts';

const USAGE = `Usage:
  npm run platform -- values
      Print the values an LMS asks for when you configure the tool by hand.
  npm run platform -- add --issuer URL --client-id ID --deployment ID [--deployment ID …]
                          --auth-url URL --token-url URL --jwks-url URL [--name NAME] [--inactive]
      Register a platform (Canvas: issuer https://canvas.instructure.com, auth-url
      https://sso.canvaslms.com/api/lti/authorize_redirect, token-url https://sso.canvaslms.com/login/oauth2/token,
      jwks-url https://sso.canvaslms.com/api/lti/security/jwks). Adding again updates it.
  npm run platform -- deployment --issuer URL --client-id ID --deployment ID
      Allow one more deployment of a registered platform.
  npm run platform -- relaunch --issuer URL --client-id ID (--template URL | --clear)
      Where "Continue in a new window" sends a person whose browser blocked the tool's cookie in the
      LMS frame: the activity's address at the LMS, with {context_id}, {resource_link_id},
      {deployment_id} or {custom.NAME} filled from the launch (custom parameters the LMS substitutes,
      e.g. Canvas: https://school.instructure.com/courses/{custom.canvas_course_id}/external_tools/{custom.canvas_tool_id}).
      Moodle needs none: its activity address comes with every launch.
  npm run platform -- list
  npm run platform -- remove --issuer URL --client-id ID`;

function valuesText(publicUrl: string): string {
  const e = toolEndpoints(publicUrl);
  return `Values for configuring Mentoring workspaces by hand (LTI 1.3):
  Tool / target link URI (launch URL):  ${e.launchUrl}
  OpenID Connect initiation / login URL: ${e.loginUrl}
  Redirect URIs:                         ${e.redirectUris.join('  ')}
  Public keyset (JWKS) URL:              ${e.jwksUrl}
  Deep linking URL:                      ${e.deepLinkingUrl}
  Dynamic Registration URL:              ${e.registrationUrl}
  Services to enable: Names and Roles (membership read), Assignment and Grade Services (line items, scores)
  Claims to share: name, given_name, family_name, email
  Placements: course navigation or a content item (deep linking), opened in an iframe or a new window

Canvas: Admin → Developer Keys → + LTI Key (Manual entry) with the values above; then add the app by its Client ID
        and note the deployment id shown in the course's app settings.
Blackboard: register the tool in the Anthology Developer Portal with the login URL, redirect URIs and JWKS URL;
        an administrator adds it with the Application ID (client id) and notes the deployment id.
D2L Brightspace: Manage Extensibility → LTI Advantage → Register Tool with the values above, then New Deployment.
Schoology: the App Center takes the same values; the deployment id is shown after installing the app.
Then: npm run platform -- add --issuer … --client-id … --deployment … --auth-url … --token-url … --jwks-url …`;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      deployment: { type: 'string', multiple: true },
      'auth-url': { type: 'string' },
      'token-url': { type: 'string' },
      'jwks-url': { type: 'string' },
      name: { type: 'string' },
      inactive: { type: 'boolean' },
      template: { type: 'string' },
      clear: { type: 'boolean' },
    },
  });
  const config = { ...loadConfig(), logLevel: 'silent' };
  if (command === 'values') return console.log(valuesText(config.publicUrl));
  if (!['add', 'list', 'remove', 'deployment', 'relaunch'].includes(command ?? '')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const need = (k: keyof typeof values) => {
    const v = values[k];
    if (!v || (Array.isArray(v) && !v.length)) throw new UsageError(`--${k} is required.`);
    return v as string;
  };
  const core = await openCore(config);
  try {
    if (command === 'list') {
      const platforms = await listPlatforms(core.app);
      if (!platforms.length)
        console.log('No platforms registered yet. Use Dynamic Registration or `npm run platform -- add …`.');
      for (const p of platforms) {
        console.log(
          `${p.active ? 'active  ' : 'inactive'}  ${p.issuer}  client ${p.clientId}  deployments: ${p.deployments.join(', ') || '(none)'}  (${p.name})`,
        );
      }
    } else if (command === 'add') {
      const deploymentIds = values.deployment ?? [];
      if (!deploymentIds.length) throw new UsageError('--deployment is required (repeat it for several deployments).');
      await registerPlatform(core.app, {
        issuer: need('issuer'),
        clientId: need('client-id'),
        name: values.name ?? new URL(need('issuer')).host,
        authenticationEndpoint: need('auth-url'),
        accessTokenEndpoint: need('token-url'),
        jwksUrl: need('jwks-url'),
        deploymentIds,
        active: !values.inactive,
      });
      console.log(
        `Registered ${values.issuer} (client ${values['client-id']}, deployments ${deploymentIds.join(', ')}).\n`,
      );
      console.log(valuesText(config.publicUrl));
    } else if (command === 'relaunch') {
      const template = values.clear ? null : need('template');
      const problem = template && relaunchTemplateProblem(template);
      if (problem) throw new UsageError(problem);
      await setRelaunchTemplate(core.app.sql, need('issuer'), need('client-id'), template);
      console.log(template ? `Relaunch address set: ${template}` : 'Relaunch address cleared.');
    } else if (command === 'deployment') {
      for (const deploymentId of values.deployment ?? []) {
        await addDeployment(core.app.sql, { issuer: need('issuer'), clientId: need('client-id'), deploymentId });
      }
      console.log('Deployment added.');
    } else {
      const removed = await removePlatform(core.app, need('issuer'), need('client-id'));
      console.log(removed ? 'Removed.' : 'No such platform.');
    }
  } finally {
    await core.close();
  }
}

class UsageError extends Error {}

main().catch((err) => {
  console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : err);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
