// Employees: the staff pulse of each touchpoint beside its customer quality (the service-profit chain), the staff page
// link and QR code per touchpoint (docs/metrics.md › Employee pulse, Service-profit chain).
import type { PulseTouchpoint } from '@throughline/schema';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { HowToRead } from '../components/how-to-read';
import { KpiTile } from '../components/kpi-tile';
import { count, countOf, fmt, hueStyle } from '../components/score';
import { ScrollBox } from '../components/scroll-box';
import { ErrorMessage, Loading } from '../components/states';
import { TouchpointLink } from '../components/touchpoint-link';
import type { ViewProps } from './view-props';

function Score({ value, missing }: { value: number | null; missing: string }) {
  return value == null ? (
    <span class="score-missing">{missing}</span>
  ) : (
    <span class="score-chip tone" style={hueStyle(value)}>
      {fmt(value)}
    </span>
  );
}

function StaffLink({ siteId, t }: { siteId: string; t: PulseTouchpoint }) {
  const link = `${location.origin}/e/${t.staffCode}`;
  return (
    <details class="staff-link">
      <summary>Staff link</summary>
      <p>
        <a href={link} data-testid={`staff-link-${t.key}`}>
          {link}
        </a>
      </p>
      <img
        src={api.staffQrUrl(siteId, t.key)}
        width={128}
        height={128}
        alt={`QR code of the staff page for ${t.name}: opens ${link}`}
        class="qr-img"
      />
    </details>
  );
}

export function EmployeesView({ site, filters }: ViewProps) {
  const view = useResource(
    (s) => api.pulse(site.id, { from: filters.from, to: filters.to }, s),
    [site.id, filters.from, filters.to],
    { live: true },
  );
  if (view.error) return <ErrorMessage error={view.error} retry={view.reload} />;
  if (!view.data) return <Loading rows={4} label="Loading the employee pulse…" />;
  const v = view.data;
  const bothLow = v.touchpoints.filter((t) => t.bothLow);
  return (
    <div class={view.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Employees</h1>
          <p class="muted">
            How the staff behind each touchpoint rate their tools, their team's support and their pride in the service,
            beside what customers say.
          </p>
        </div>
      </div>
      <HowToRead>
        <p>
          Staff answer three questions on the touchpoint's staff page (its own link and QR code below, not the
          customers'), 1 to 5, anonymously: no name, no cookie. The <strong>pulse</strong> is the 0–100 score of all
          their answers, shown only once {v.minGroup} or more responses fall in the range, never for one person.
        </p>
        <p>
          The <strong>service-profit chain</strong> is the correlation of pulse and customer quality across touchpoints
          that have both (−1 to 1): near 1, where staff are well supported customers are served well. Where both lie
          under 50, look at the team first. Staff answers carry no visitor context, so the segment filter does not
          change the pulse (quality follows all visitors here).
        </p>
      </HowToRead>
      <div class="kpis">
        <KpiTile
          kpi={{
            label: 'Service-profit chain',
            value: v.chain.r == null ? null : v.chain.r.toFixed(2),
            unit: '',
            sub: `correlation over ${countOf(v.chain.n, 'touchpoint')} with both`,
          }}
        />
        <KpiTile
          kpi={{
            label: 'Both low',
            value: String(bothLow.length),
            unit: '',
            sub: 'touchpoints with pulse and quality under 50',
          }}
        />
      </div>
      {bothLow.length > 0 && (
        <section class="section" aria-labelledby="both-low-h" data-testid="both-low">
          <h2 id="both-low-h">Staff and customers both low</h2>
          <ul class="far-below">
            {bothLow.map((t) => (
              <li key={t.key}>
                <strong>
                  <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
                </strong>
                : pulse {fmt(t.pulse!)}, quality {fmt(t.quality!)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="section" aria-labelledby="pulse-h">
        <h2 id="pulse-h">Pulse and quality by touchpoint</h2>
        <ScrollBox label="Pulse table">
          <table class="data stack" data-testid="pulse-table">
            <thead>
              <tr>
                <th>Touchpoint</th>
                <th class="num">Staff pulse</th>
                <th class="num">Tools</th>
                <th class="num">Support</th>
                <th class="num">Pride</th>
                <th class="num">Customer quality</th>
                <th class="num">Responses</th>
                <th>Staff page</th>
              </tr>
            </thead>
            <tbody>
              {v.touchpoints.map((t) => (
                <tr key={t.key} data-testid={`pulse-${t.key}`}>
                  <td class="stack-title">
                    <strong>
                      <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
                    </strong>{' '}
                    <span class="muted">{t.stage}</span>
                  </td>
                  <td class="num" data-label="Staff pulse">
                    <Score value={t.pulse} missing={`fewer than ${v.minGroup}`} />
                  </td>
                  <td class="num" data-label="Tools">
                    <Score value={t.questions.tools.value} missing="–" />
                  </td>
                  <td class="num" data-label="Support">
                    <Score value={t.questions.support.value} missing="–" />
                  </td>
                  <td class="num" data-label="Pride">
                    <Score value={t.questions.pride.value} missing="–" />
                  </td>
                  <td class="num" data-label="Customer quality">
                    <Score value={t.quality} missing="not enough answers" />
                  </td>
                  <td class="num" data-label="Responses">
                    {count(t.responses)}
                  </td>
                  <td data-label="Staff page">
                    <StaffLink siteId={site.id} t={t} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>
    </div>
  );
}
