/**
 * Annex 8, on method: what was computed, with which algorithm, parameters, seeds and data version, so
 * a defence expert can compute every figure of the report again (CaseGraph's API gives the same answers
 * for the same case, parameters and graph version).
 */
import { LAYOUT_DEFAULTS } from '../../layout.js';
import type { Flow } from '../../pdf/text.js';
import type { ReportContext } from '../context.js';

export function method(flow: Flow, ctx: ReportContext): void {
  const { parameters: p, communities } = ctx.analysis;
  const d = ctx.data;
  flow.newPage();
  flow.heading('8. Method (annex)');
  flow.subheading('Data');
  flow.fields(
    [
      ['Case id', d.caseEntity.id],
      [
        'Graph version',
        `${d.graphVersion} (every change to the record raises it; the same version holds the same data)`,
      ],
      ['Store', ctx.meta.storeName],
      [
        'Entities, links',
        `${d.entities.length} entities and ${d.links.length} links: everything the documents of this case state, and whom the case involves`,
      ],
      [
        'Evidence kept',
        "Only this case's documents are cited (section 7); facts other cases' documents state are not.",
      ],
      ['Software', `CaseGraph ${ctx.meta.version} on Node.js ${ctx.meta.nodeVersion}`],
    ],
    8.5,
    110,
  );
  flow.subheading('Groups (communities)');
  flow.paragraph(
    `Louvain modularity optimisation (Blondel, Guillaume, Lambiotte and Lefebvre 2008, J. Stat. Mech. P10008), ` +
      `as in graphology-communities-louvain, run by server/analytics/communities on the simple weighted projection of ` +
      `the case graph without case and document nodes (${p.nodes} nodes, ${p.links} links; parallel links summed, a link weighs ` +
      `its number of occurrences, at least 1). Resolution (gamma) ${p.resolution}; random node order seeded with the string ` +
      `"${p.seed}" (mulberry32 seeded by the 32-bit FNV-1a hash of the string). Communities that come out disconnected are ` +
      `split into their connected parts (${communities.parameters.splitDisconnected} split here). ${communities.communities.length} communities; ` +
      `modularity (gamma = 1) ${communities.modularity.toFixed(4)}. Groups are numbered from 1, largest first.`,
    { size: 8.5 },
  );
  flow.subheading('Key persons (centralities)');
  flow.paragraph(
    `On the same graph. Degree: the number of links of an entity. PageRank (Page and Brin 1998) with damping ${p.pagerank.alpha}, ` +
      `tolerance ${p.pagerank.tolerance}, at most ${p.pagerank.maxIterations} iterations, links taken both ways and weighted by occurrences. ` +
      `Betweenness (Brandes 2001), normalised, ${p.betweenness.sampled ? `estimated from ${p.betweenness.samples} sources chosen with seed ${p.betweenness.seed}` : `exact (exact up to ${p.betweenness.exactUpTo} nodes)`}. ` +
      `Key persons are the ${ctx.analysis.keyPersons.length} persons of highest PageRank; those who stand between groups are the three persons of highest betweenness.`,
    { size: 8.5 },
  );
  flow.subheading('The picture');
  flow.paragraph(
    `ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian 2014) from graphology-layout-forceatlas2, ${LAYOUT_DEFAULTS.iterations} iterations ` +
      `with the settings it infers for the graph's size, from starting positions on a circle in id order jittered by mulberry32 seeded with ` +
      `"${LAYOUT_DEFAULTS.seed}"; then graphology-layout-noverlap, ${LAYOUT_DEFAULTS.noverlapIterations} iterations at most.`,
    { size: 8.5 },
  );
  flow.subheading('Victim protection');
  flow.paragraph(
    'A person who is a victim in any case, or a minor, and the phones, accounts and identity documents they use or hold, are shown by a ' +
      "pseudonym; so is any other record of a person (a lodge register's, a bank's) that holds one of their identity documents, under " +
      'their pseudonym, marked "(same ID document)". Names, numbers and identifying properties are removed from every part of this file ' +
      'before it is laid out, as in every answer of CaseGraph. The pseudonym is the same in every report and answer.',
    { size: 8.5 },
  );
  flow.subheading('Reproducing the figures');
  flow.paragraph(
    `At graph version ${d.graphVersion}: GET /api/analytics/communities?case=${d.caseEntity.id}&resolution=${p.resolution}&seed=${p.seed} ` +
      `gives these groups; GET /api/analytics/centrality?case=${d.caseEntity.id}&metric=pagerank (and degree, betweenness) these scores; ` +
      `the CSV and GraphML exports (GET /api/cases/${d.caseEntity.id}/export) give the same entities and links with their provenance.`,
    { size: 8.5 },
  );
}
