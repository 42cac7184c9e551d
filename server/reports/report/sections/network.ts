/**
 * The picture of the network on one page, drawn as vector graphics from the server's layout
 * (../../layout.ts), with a legend. Legible in black and white: kinds differ by shape, roles by fill
 * (black for a suspect's role, white with a dashed outline for a victim, grey otherwise), link kinds by
 * dash pattern and grey level. Every entity carries its code, so each line can be looked up in the list
 * of links (section 5) with its evidence. The case itself and its documents are not drawn: they would
 * tie everyone to one point; whom the case involves is in tables 3 and 4.
 */
import type { EntityKind, LinkKind } from '../../../domain/kinds.js';
import type { PdfPage, ShapeStyle, StrokeStyle } from '../../pdf/document.js';
import type { Flow } from '../../pdf/text.js';
import { layout, type Positions } from '../../layout.js';
import type { EntityView, LinkView } from '../../../domain/views.js';
import type { ReportContext } from '../context.js';

const radius = (degree: number, density: number) =>
  Math.min(8, 3 + Math.sqrt(degree) * 0.8) * Math.max(0.5, density);

const ACTIVE_ROLES = new Set(['accused', 'recruiter', 'transporter', 'harbourer', 'financier', 'manager']);

export const LINK_STYLE: Record<LinkKind, StrokeStyle & { label: string }> = {
  uses: { width: 0.6, grey: 0, label: 'uses (person - phone)' },
  holds: { width: 0.6, grey: 0, dash: [2.5, 1], label: 'holds (person - account, ID)' },
  'in-device': { width: 0.5, grey: 0.35, label: 'phone in handset' },
  called: { width: 0.35, grey: 0.55, label: 'called / messaged' },
  messaged: { width: 0.35, grey: 0.55, label: 'messaged' },
  paid: { width: 0.7, grey: 0, dash: [4, 1.5], label: 'paid (money sent)' },
  'stayed-at': { width: 0.7, grey: 0, dash: [0.8, 1.2], label: 'stayed at (hotel)' },
  'seen-at': { width: 0.4, grey: 0.5, dash: [0.8, 1.5], label: 'seen at (place, cell)' },
  'associate-of': { width: 0.6, grey: 0, dash: [4, 1.5, 1, 1.5], label: 'associate of' },
  advertises: { width: 0.4, grey: 0.4, dash: [6, 2], label: 'ad gives (phone)' },
  'posted-by': { width: 0.4, grey: 0.4, dash: [6, 2], label: 'ad posted by' },
  'used-ip': { width: 0.4, grey: 0.5, dash: [2, 2], label: 'used IP address' },
  'located-at': { width: 0.4, grey: 0.5, dash: [0.8, 1.5], label: 'located at (place)' },
  involves: { width: 0.3, grey: 0.7, label: 'case involves' },
};

type Shape = 'circle' | 'square' | 'bar' | 'diamond' | 'triangle' | 'down' | 'hexagon';
const SHAPE: Record<EntityKind, Shape> = {
  person: 'circle',
  phone: 'square',
  device: 'bar',
  account: 'diamond',
  'id-document': 'diamond',
  ip: 'hexagon',
  location: 'down',
  hotel: 'triangle',
  vehicle: 'hexagon',
  ad: 'hexagon',
  case: 'hexagon',
  document: 'hexagon',
};

export function drawShape(page: PdfPage, shape: Shape, x: number, y: number, r: number, style: ShapeStyle) {
  switch (shape) {
    case 'circle':
      return page.circle(x, y, r, style);
    case 'square':
      return page.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, style);
    case 'bar':
      return page.rect(x - r * 1.2, y - r * 0.6, r * 2.4, r * 1.2, style);
    case 'diamond':
      return page.polygon(
        [
          [x, y - r * 1.2],
          [x + r * 1.2, y],
          [x, y + r * 1.2],
          [x - r * 1.2, y],
        ],
        style,
      );
    case 'triangle':
      return page.polygon(
        [
          [x, y - r * 1.25],
          [x + r * 1.15, y + r * 0.85],
          [x - r * 1.15, y + r * 0.85],
        ],
        style,
      );
    case 'down':
      return page.polygon(
        [
          [x, y + r * 1.25],
          [x + r * 1.15, y - r * 0.85],
          [x - r * 1.15, y - r * 0.85],
        ],
        style,
      );
    case 'hexagon': {
      const pts: [number, number][] = [];
      for (let i = 0; i < 6; i++)
        pts.push([x + r * Math.cos((i * Math.PI) / 3), y + r * Math.sin((i * Math.PI) / 3)]);
      return page.polygon(pts, style);
    }
  }
}

function nodeStyle(roles: string[] | undefined): ShapeStyle {
  if (roles?.includes('victim')) return { fill: 1, grey: 0, width: 0.6, dash: [1.2, 0.8] };
  if (roles?.some((r) => ACTIVE_ROLES.has(r))) return { fill: 0, grey: 0, width: 0.4 };
  return { fill: 0.72, grey: 0, width: 0.4 };
}

export const PICTURE_AREA = { top: 92, bottom: 610 } as const;

type Area = { x: number; y: number; w: number; h: number };

/**
 * Draws entities and links in an area: positions scaled to fit, links under nodes, labels last. With
 * `labelAll` every entity is labelled; otherwise above 600 entities only persons are.
 */
function drawPicture(
  page: PdfPage,
  ctx: ReportContext,
  area: Area,
  drawn: readonly EntityView[],
  links: readonly LinkView[],
  pos: Positions,
  labelAll: boolean,
): void {
  page.rect(area.x, area.y, area.w, area.h, { width: 0.4, grey: 0.5 });
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const e of drawn) {
    const p = pos.get(e.id)!;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const pad = 16;
  const scale = Math.min(
    (area.w - 2 * pad) / Math.max(1e-9, maxX - minX),
    (area.h - 2 * pad) / Math.max(1e-9, maxY - minY),
  );
  const ox = area.x + (area.w - (maxX - minX) * scale) / 2;
  const oy = area.y + (area.h - (maxY - minY) * scale) / 2;
  const at = (id: string) => {
    const p = pos.get(id)!;
    return { x: ox + (p.x - minX) * scale, y: oy + (maxY - p.y) * scale };
  };
  const n = drawn.length;
  const density = Math.min(1, Math.sqrt(120 / Math.max(1, n)));
  for (const l of links) {
    const a = at(l.from);
    const b = at(l.to);
    const { label: _label, ...style } = LINK_STYLE[l.kind];
    page.line(a.x, a.y, b.x, b.y, { ...style, width: (style.width ?? 0.5) * Math.max(0.6, density) });
  }
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.from, (degree.get(l.from) ?? 0) + 1);
    degree.set(l.to, (degree.get(l.to) ?? 0) + 1);
  }
  const labelSize = n <= 150 ? 6 : n <= 600 ? 4.6 : 3.2;
  const keys = new Set(ctx.analysis.keyPersons);
  const ordered = [...drawn].sort((a, b) => a.id.localeCompare(b.id));
  for (const e of ordered) {
    const p = at(e.id);
    const r = radius(degree.get(e.id) ?? 0, density);
    drawShape(page, SHAPE[e.kind], p.x, p.y, r, nodeStyle(ctx.roles.get(e.id)));
    if (keys.has(e.id)) page.circle(p.x, p.y, r + 2.2, { width: 0.8, grey: 0 });
  }
  for (const e of ordered) {
    if (!labelAll && n > 600 && e.kind !== 'person') continue;
    const p = at(e.id);
    const r = radius(degree.get(e.id) ?? 0, density);
    page.text(p.x + r + 1, p.y + labelSize * 0.35, ctx.code.get(e.id) ?? '', {
      size: labelSize,
      font: keys.has(e.id) ? 'Helvetica-Bold' : 'Helvetica',
    });
  }
}

/** Groups drawn again, enlarged, when the whole picture is too dense to read every label. */
export const ZOOM = { minEntities: 150, minGroup: 8, maxPages: 8 } as const;

export function network(flow: Flow, ctx: ReportContext): void {
  flow.newPage();
  flow.heading('2. The network');
  const drawn = ctx.data.entities.filter((e) => e.kind !== 'case' && e.kind !== 'document');
  const ids = new Set(drawn.map((e) => e.id));
  const links = ctx.data.links.filter((l) => ids.has(l.from) && ids.has(l.to));
  const pos = layout({ ids: [...ids], edges: links.map((l) => [l.from, l.to] as const) });
  const area = {
    x: flow.left,
    y: PICTURE_AREA.top,
    w: flow.width,
    h: PICTURE_AREA.bottom - PICTURE_AREA.top,
  };
  drawPicture(flow.page, ctx, area, drawn, links, pos, false);
  legend(
    flow,
    links.map((l) => l.kind),
    drawn.map((e) => e.kind),
    drawn.length,
  );
  if (drawn.length < ZOOM.minEntities) return;
  // Each large group on a page of its own, at the same layout, with its links inside and every label.
  const { communityOf, communities } = ctx.analysis.communities;
  const groups = communities.filter((c) => c.size >= ZOOM.minGroup).slice(0, ZOOM.maxPages);
  for (const g of groups) {
    const members = drawn.filter((e) => communityOf[e.id] === g.id);
    const inside = new Set(members.map((e) => e.id));
    const own = links.filter((l) => inside.has(l.from) && inside.has(l.to));
    flow.newPage();
    flow.heading(`2.${g.id + 1} The network: group ${g.id + 1}, enlarged`);
    flow.paragraph(
      `The ${members.length} entities of group ${g.id + 1} and the ${own.length} links among them, at the positions of the whole picture. ` +
        'Links to other groups are in section 5.',
      { size: 8.5, grey: 0.25 },
    );
    drawPicture(
      flow.page,
      ctx,
      { x: flow.left, y: flow.y + 4, w: flow.width, h: 600 },
      members,
      own,
      pos,
      true,
    );
  }
}

function legend(flow: Flow, linkKinds: LinkKind[], kinds: EntityKind[], n: number): void {
  const page = flow.page;
  let y = PICTURE_AREA.bottom + 16;
  page.text(flow.left, y, 'Legend', { font: 'Helvetica-Bold', size: 9 });
  y += 12;
  const presentKinds = [...new Set(kinds)];
  const kindNames: Record<string, string> = {
    person: 'person',
    phone: 'phone',
    device: 'handset',
    account: 'account',
    'id-document': 'ID document',
    ip: 'IP address',
    location: 'place / cell',
    hotel: 'hotel / lodge',
    vehicle: 'vehicle',
    ad: 'online ad',
  };
  let x = flow.left;
  for (const k of presentKinds) {
    drawShape(page, SHAPE[k], x + 4, y - 3, 3.5, { fill: 0.72, width: 0.4 });
    const w = page.text(x + 11, y, kindNames[k] ?? k, { size: 7.5 });
    x += 11 + w + 12;
    if (x > flow.left + flow.width - 60) {
      x = flow.left;
      y += 12;
    }
  }
  y += 14;
  x = flow.left;
  const fills: [string, ShapeStyle][] = [
    ['suspect (accused, recruiter, transporter, harbourer, financier, manager)', nodeStyle(['accused'])],
    ['victim (pseudonym only)', nodeStyle(['victim'])],
    ['other (customer, witness, not named in the FIR)', nodeStyle(undefined)],
  ];
  for (const [label, style] of fills) {
    page.circle(x + 4, y - 3, 3.5, style);
    const w = page.text(x + 11, y, label, { size: 7.5 });
    x += 11 + w + 12;
    if (x > flow.left + flow.width - 120) {
      x = flow.left;
      y += 12;
    }
  }
  page.circle(x + 4, y - 3, 3.5, { fill: 0.72, width: 0.4 });
  page.circle(x + 4, y - 3, 5.7, { width: 0.8 });
  page.text(x + 13, y, 'key person (section 1)', { size: 7.5 });
  y += 14;
  x = flow.left;
  const present = [...new Set(linkKinds)]
    .filter((k) => k !== 'messaged' || !linkKinds.includes('called'))
    .sort();
  for (const k of present) {
    const { label, ...style } = LINK_STYLE[k];
    page.line(x, y - 3, x + 26, y - 3, { ...style, width: (style.width ?? 0.5) * 1.4 });
    const w = page.text(x + 30, y, label, { size: 7.5 });
    x += 30 + w + 14;
    if (x > flow.left + flow.width - 110) {
      x = flow.left;
      y += 12;
    }
  }
  y += 16;
  page.text(
    flow.left,
    y,
    `${n} entities, ${linkKinds.length} links drawn. Labels are the codes of tables 3 and 4; every line is listed in section 5 with its evidence.`,
    { size: 7.5, grey: 0.25 },
  );
  y += 10;
  page.text(
    flow.left,
    y,
    `Layout: ForceAtlas2, then noverlap, seeded (annex 8). Size grows with the number of links.${n > 600 ? ' Only persons are labelled at this size.' : ''}`,
    { size: 7.5, grey: 0.25 },
  );
}
