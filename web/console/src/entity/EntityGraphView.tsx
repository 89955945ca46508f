// The entity as a graph (graphology + sigma.js, drawn with WebGL): its ads, the identifiers that
// join them (masked), shared templates, and other entities reached through them. Laid out once
// with ForceAtlas2. Clicking an ad scrolls the ads list to it. Loaded on demand: the console's
// first screen does not pay for the renderer.
import { Group, Text } from '@mantine/core';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { EntityGraph, GraphNodeKind } from '../triage/api';
import { useTriageT } from '../triage/i18n';

export const NODE_STYLE: Record<GraphNodeKind, { color: string; size: number }> = {
  ad: { color: '#2f6f86', size: 6 },
  identifier: { color: '#d9a03f', size: 9 },
  template: { color: '#7c5cbf', size: 7 },
  entity: { color: '#c2410c', size: 8 },
};

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

function buildGraph(data: EntityGraph): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const kinds: GraphNodeKind[] = ['ad', 'identifier', 'template', 'entity'];
  // Start each kind on its own ring so the layout untangles quickly and the same data always
  // gives the same picture.
  const byKind = new Map(kinds.map((k) => [k, data.nodes.filter((n) => n.kind === k)]));
  for (const [ring, kind] of kinds.entries()) {
    const nodes = byKind.get(kind) ?? [];
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length) + ring * 0.4;
      const r = 10 + ring * 8;
      g.mergeNode(n.id, {
        x: r * Math.cos(angle),
        y: r * Math.sin(angle),
        size: NODE_STYLE[n.kind]?.size ?? 6,
        color: NODE_STYLE[n.kind]?.color ?? '#868e96',
        label: n.label,
        kind: n.kind,
      });
    });
  }
  for (const e of data.edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    g.mergeEdge(e.source, e.target, { size: 1, color: '#ced4da' });
  }
  if (g.order > 1) {
    forceAtlas2.assign(g, {
      iterations: 200,
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 400 },
    });
  }
  return g;
}

export default function EntityGraphView({
  data,
  onAdClick,
}: {
  data: EntityGraph;
  onAdClick: (adId: string) => void;
}) {
  const t = useTriageT();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const clickRef = useRef(onAdClick);
  clickRef.current = onAdClick;

  useEffect(() => {
    const el = container.current;
    if (!el || data.nodes.length === 0) return;
    if (!webglAvailable()) {
      setFailed(true);
      return;
    }
    let renderer: Sigma;
    try {
      renderer = new Sigma(buildGraph(data), el, {
        allowInvalidContainer: true,
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 7,
        labelSize: 12,
        labelFont: 'system-ui, sans-serif',
        labelColor: { color: '#343a40' },
        zIndex: true,
      });
    } catch {
      setFailed(true);
      return;
    }
    const r = renderer;
    r.on('clickNode', ({ node }) => {
      if (node.startsWith('ad:')) clickRef.current(node.slice(3));
    });
    r.on('enterNode', ({ node }) => {
      el.style.cursor = node.startsWith('ad:') ? 'pointer' : 'default';
    });
    r.on('leaveNode', () => {
      el.style.cursor = 'default';
    });
    return () => r.kill();
  }, [data]);

  if (data.nodes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('graph.empty')}
      </Text>
    );
  }

  const counts = new Map<GraphNodeKind, number>();
  for (const n of data.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);

  return (
    <>
      {failed ? (
        <Text size="sm" c="dimmed" role="status">
          {t('graph.unavailable')}
        </Text>
      ) : (
        <div
          ref={container}
          className="graph-canvas"
          role="img"
          aria-label={`${t('graph.label')}: ${t('graph.summary', {
            nodes: data.nodes.length,
            edges: data.edges.length,
          })}`}
          data-testid="entity-graph"
        />
      )}
      <Group gap="lg" wrap="wrap">
        {(Object.keys(NODE_STYLE) as GraphNodeKind[])
          .filter((k) => counts.has(k))
          .map((k) => (
            <Group key={k} gap={6} wrap="nowrap">
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <circle cx="6" cy="6" r="6" fill={NODE_STYLE[k].color} />
              </svg>
              <Text size="xs">
                {t(`graph.legend.${k}`)} ({counts.get(k)})
              </Text>
            </Group>
          ))}
        <Text size="xs" c="dimmed">
          {t('graph.hint')}
        </Text>
      </Group>
    </>
  );
}
