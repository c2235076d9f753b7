// Minimal types for the parts of d3-sankey the connectivity view uses (@types/d3-sankey is not installed).
declare module 'd3-sankey' {
  export interface SankeyNode<N, L> {
    index?: number;
    x0?: number;
    x1?: number;
    y0?: number;
    y1?: number;
    value?: number;
    depth?: number;
    sourceLinks?: SankeyLink<N, L>[];
    targetLinks?: SankeyLink<N, L>[];
  }
  export interface SankeyLink<N, L> {
    source: (N & SankeyNode<N, L>) | string | number;
    target: (N & SankeyNode<N, L>) | string | number;
    value: number;
    width?: number;
    y0?: number;
    y1?: number;
  }
  export interface SankeyGraph<N, L> {
    nodes: (N & SankeyNode<N, L>)[];
    links: (L & SankeyLink<N, L>)[];
  }
  export interface SankeyLayout<N, L> {
    (graph: SankeyGraph<N, L>): SankeyGraph<N, L>;
    nodeId(fn: (n: N) => string): this;
    nodeWidth(w: number): this;
    nodePadding(p: number): this;
    nodeAlign(fn: (node: SankeyNode<N, L>, n: number) => number): this;
    nodeSort(fn: ((a: N, b: N) => number) | null): this;
    extent(e: [[number, number], [number, number]]): this;
  }
  export function sankey<N, L>(): SankeyLayout<N, L>;
  export function sankeyLinkHorizontal(): (link: SankeyLink<unknown, unknown>) => string | null;
  export function sankeyLeft(node: SankeyNode<unknown, unknown>, n: number): number;
  export function sankeyJustify(node: SankeyNode<unknown, unknown>, n: number): number;
}
