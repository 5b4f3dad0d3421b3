/**
 * What the simulated organization buys: models, their line items and list prices, and project names.
 * Prices are OpenAI's public list prices (https://openai.com/api/pricing/) in USD per 1M tokens, or per
 * image for image models; Batch is half price (OpenAI Batch API docs).
 */

export type UsageKind = 'completions' | 'embeddings' | 'images';
export type TokenKind = 'input' | 'cached' | 'output' | 'image';

/** One billable line item, as it appears in `/costs` `line_item` ("gpt-4o-mini-2024-07-18, input"). */
export interface LineItemDef {
  lineItem: string;
  tokenKind: TokenKind;
  /** USD per 1M tokens, or USD per image. */
  priceUsd: number;
  isBatch: boolean;
  /** Image size for image line items, else null. */
  size: string | null;
}

export interface ModelDef {
  model: string;
  kind: UsageKind;
  /** All line items this model can bill, most common first. */
  lineItems: LineItemDef[];
}

function chat(model: string, input: number, cached: number, output: number): ModelDef {
  const li = (suffix: string, tokenKind: TokenKind, priceUsd: number, isBatch: boolean): LineItemDef => ({
    lineItem: `${model}, ${suffix}`,
    tokenKind,
    priceUsd,
    isBatch,
    size: null,
  });
  return {
    model,
    kind: 'completions',
    lineItems: [
      li('input', 'input', input, false),
      li('output', 'output', output, false),
      li('cached input', 'cached', cached, false),
      li('input, batch', 'input', input / 2, true),
      li('output, batch', 'output', output / 2, true),
      li('cached input, batch', 'cached', cached / 2, true),
    ],
  };
}

function embedding(model: string, input: number): ModelDef {
  return {
    model,
    kind: 'embeddings',
    lineItems: [
      { lineItem: `${model}, input`, tokenKind: 'input', priceUsd: input, isBatch: false, size: null },
      {
        lineItem: `${model}, input, batch`,
        tokenKind: 'input',
        priceUsd: input / 2,
        isBatch: true,
        size: null,
      },
    ],
  };
}

function image(model: string, sizes: Array<[string, string, number]>): ModelDef {
  return {
    model,
    kind: 'images',
    lineItems: sizes.map(([size, quality, priceUsd]) => ({
      lineItem: `${model}, ${size}, ${quality}`,
      tokenKind: 'image' as const,
      priceUsd,
      isBatch: false,
      size,
    })),
  };
}

/** The model catalog in the order a generated org adopts models (the first three cover every usage endpoint). */
export const MODEL_CATALOG: readonly ModelDef[] = [
  chat('gpt-4o-mini-2024-07-18', 0.15, 0.075, 0.6),
  embedding('text-embedding-3-small', 0.02),
  image('dall-e-3', [
    ['1024x1024', 'standard', 0.04],
    ['1024x1792', 'standard', 0.08],
    ['1024x1024', 'hd', 0.08],
    ['1024x1792', 'hd', 0.12],
  ]),
  chat('gpt-4o-2024-08-06', 2.5, 1.25, 10),
  chat('gpt-4.1-mini-2025-04-14', 0.4, 0.1, 1.6),
  chat('o3-mini-2025-01-31', 1.1, 0.55, 4.4),
  embedding('text-embedding-3-large', 0.13),
  chat('gpt-4.1-2025-04-14', 2, 0.5, 8),
];

/** Looks up a model by name, also by its undated alias ("gpt-4o" → "gpt-4o-2024-08-06"), as trace files name it. */
export function findModel(name: string): ModelDef | undefined {
  return (
    MODEL_CATALOG.find((m) => m.model === name) ?? MODEL_CATALOG.find((m) => m.model.startsWith(`${name}-20`))
  );
}

/** Names a generated org gives its projects, in order. */
export const PROJECT_NAMES: readonly string[] = [
  'Website chatbot',
  'Batch summaries',
  'Support triage',
  'Internal search',
  'Marketing copy',
  'Code review bot',
  'Data labeling',
  'Analytics ETL',
  'Sales email drafts',
  'Knowledge base Q&A',
  'Mobile app assistant',
  'Document OCR cleanup',
  'Translation pipeline',
  'Product recommendations',
  'Meeting notes',
  'Fraud review',
  'Onboarding tutor',
  'Legal clause search',
  'Image catalog',
  'Voice of customer',
];

/** The project name for index `i`; past the list, names repeat with a number ("Website chatbot 2"). */
export function projectName(i: number): string {
  const base = PROJECT_NAMES[i % PROJECT_NAMES.length]!;
  const round = Math.floor(i / PROJECT_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
