import { Empty, Loaded } from '../../components/States.js';
import { Link } from '../../router.js';
import { useApps } from './Apps.js';
import { AppWebhooks, WebhooksIntro } from './AppWebhooks.js';
import { PartnerLayout, partnerBase, usePartner } from './PartnerLayout.js';

/** Every app's webhook endpoints in one place: each app's list, health and a form to add one. */
export function Webhooks({ id }: { id: string }) {
  const { may } = usePartner(id);
  const apps = useApps(id);
  return (
    <PartnerLayout id={id} title="Webhooks">
      {() => (
        <Loaded state={apps} label="Loading the apps">
          {(list) =>
            list.items.length === 0 ? (
              <Empty title="No apps yet, so no webhooks.">
                Webhooks belong to an app: <Link href={partnerBase(id)}>create an app</Link> first, then add its endpoints here or on its page.
              </Empty>
            ) : (
              <>
                <WebhooksIntro />
                {list.items.map((app) => (
                  <section key={app.id} class="card" aria-labelledby={`hooks-${app.id}`}>
                    <h2 id={`hooks-${app.id}`}>
                      <Link href={`${partnerBase(id)}/apps/${app.id}`}>{app.name}</Link>
                    </h2>
                    <AppWebhooks partnerId={id} app={app} editable={may.manageApps} intro={false} />
                  </section>
                ))}
              </>
            )
          }
        </Loaded>
      )}
    </PartnerLayout>
  );
}
