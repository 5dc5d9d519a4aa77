import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * What a root field costs beyond the fields it returns: the work behind it. A summary is one
 * aggregation over every matching person (the scan), each grouping dimension one more sort of it
 * (VIOLATION also unnests every person's violations), and an as-of read first rebuilds the rows
 * valid at the instant from the history tables (DISTINCT ON over every version). A page of rows
 * is one indexed read plus its count. Measured on the Pilkada 2020 history (README, Security).
 */
export const WORK_PRICE = {
  summary: 150,
  perDimension: 60,
  violationDimension: 120,
  asOf: 200,
  page: 20,
  /** search: five index scans (names, identifiers, register, letters, summary), grouped and counted. */
  search: 60,
} as const;

/**
 * Query depth and cost limits as graphql-js validation rules: a query is refused before anything
 * runs, with GRAPHQL_VALIDATION_FAILED and a message giving the figure and the limit.
 *
 * Depth counts nested fields with a selection (`ofType`, a chain of single type references in
 * introspection, does not count: the standard introspection query nests it eight deep).
 * Cost estimates how many fields resolve: every field costs 1, and a list's selection is paid once
 * per item it may return — the lists of a paginated field (a connection's `edges`) hold `first`
 * items (the largest page when `first` is a variable, since rules run before variables are
 * known), any other list `LIST_GUESS`.
 */
export const MAX_QUERY_DEPTH = 10;
/** A page of 100 cases with every field costs about 16,400; the standard introspection query about 8,300. */
export const MAX_QUERY_COST = 20_000;
/** Parser limit: a query within the cost budget needs at most ~3 tokens a field (`alias: field`). */
export const MAX_QUERY_TOKENS = 50_000;
/** Largest `first` a paginated query accepts (src/oversight/queries/case-reader.ts). */
const MAX_FIRST = 100;
/** Assumed items of a list without a size argument (respondents, timeline, introspection lists). */
const LIST_GUESS = 5;

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** The estimated cost of an operation, for budgets that depend on the caller (anonymous-budget.plugin.ts). */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode): number {
  const root = rootType(context, operation);
  return root ? new Measure(context, operation).cost(operation.selectionSet, root, new Set(), null) : 0;
}

export function queryLimitRule(limits: QueryLimits = { maxDepth: MAX_QUERY_DEPTH, maxCost: MAX_QUERY_COST }) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const root = rootType(context, operation);
      if (!root) return;
      const measure = new Measure(context, operation);
      const depth = measure.depth(operation.selectionSet, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`${label(operation)} is nested ${depth} levels deep; the limit is ${limits.maxDepth}`, { nodes: [operation] }),
        );
        return;
      }
      const cost = measure.cost(operation.selectionSet, root, new Set(), null);
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `${label(operation)} would resolve about ${Math.round(cost)} fields; the limit is ${limits.maxCost} (ask for fewer fields, fewer aliases or smaller pages)`,
            { nodes: [operation] },
          ),
        );
      }
    },
  });
}

const label = (operation: OperationDefinitionNode) => (operation.name ? `operation ${operation.name.value}` : `this ${operation.operation}`);

function rootType(context: ValidationContext, operation: OperationDefinitionNode): GraphQLCompositeType | null {
  const schema = context.getSchema();
  const type =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return type ?? null;
}

class Measure {
  private readonly variableDefaults = new Map<string, ValueNode>();

  constructor(
    private readonly context: ValidationContext,
    operation: OperationDefinitionNode,
  ) {
    for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) this.variableDefaults.set(v.variable.name.value, v.defaultValue);
  }

  /** Deepest chain of fields with a selection below this set; fragments are followed once per path. */
  depth(set: SelectionSetNode, fragments: Set<string>): number {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet) continue;
        const own = selection.name.value === 'ofType' ? 0 : 1;
        deepest = Math.max(deepest, own + this.depth(selection.selectionSet, fragments));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, this.depth(selection.selectionSet, fragments));
      } else {
        deepest = Math.max(deepest, this.fragmentDepth(selection.name.value, fragments));
      }
      if (deepest > 1000) return deepest;
    }
    return deepest;
  }

  /** Estimated fields resolved by this set on `parent`; `page` is the size of its lists when it is a page. */
  cost(set: SelectionSetNode, parent: GraphQLCompositeType | null, fragments: Set<string>, page: number | null): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.fieldCost(selection, parent, fragments, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.compositeNamed(selection.typeCondition.name.value) : parent;
        total += this.cost(selection.selectionSet, on, fragments, page);
      } else {
        total += this.fragmentCost(selection.name.value, fragments, page);
      }
      // Far past any budget: stop counting, the answer is already "refused".
      if (total > Number.MAX_SAFE_INTEGER / 1e6) return total;
    }
    return total;
  }

  private fieldCost(node: FieldNode, parent: GraphQLCompositeType | null, fragments: Set<string>, page: number | null): number {
    if (!node.selectionSet) return 1;
    const work = parent === this.context.getSchema().getQueryType() ? this.workOf(node) : 0;
    return work + this.selectionCost(node, parent, fragments, page);
  }

  /** The price of the reads behind a root field (WORK_PRICE); a variable is priced at its dearest value. */
  private workOf(node: FieldNode): number {
    const arg = (name: string) => node.arguments?.find((a) => a.name.value === name)?.value;
    const asOf = arg('asOf');
    const history = asOf && asOf.kind !== Kind.NULL ? WORK_PRICE.asOf : 0;
    if (node.name.value === 'followUpSummary') {
      const groupBy = arg('groupBy');
      const dims =
        groupBy?.kind === Kind.LIST
          ? [...new Set(groupBy.values.map((v) => (v.kind === Kind.ENUM ? v.value : 'VIOLATION')))]
          : groupBy?.kind === Kind.ENUM
            ? [groupBy.value]
            : groupBy?.kind === Kind.VARIABLE
              ? ['VIOLATION', 'REGION', 'PROVINCE', 'PPK', 'ELECTION', 'WAITING_ON']
              : [];
      const grouping = dims.reduce((sum, d) => sum + (d === 'VIOLATION' ? WORK_PRICE.violationDimension : WORK_PRICE.perDimension), 0);
      return WORK_PRICE.summary + grouping + history;
    }
    if (['cases', 'followUps'].includes(node.name.value)) return WORK_PRICE.page + history;
    if (node.name.value === 'search') return WORK_PRICE.search;
    if (node.name.value === 'case') return history;
    return 0;
  }

  private selectionCost(node: FieldNode, parent: GraphQLCompositeType | null, fragments: Set<string>, page: number | null): number {
    if (!node.selectionSet) return 1;
    const field = fieldOf(parent, node.name.value);
    const type = field ? getNullableType(field.type) : null;
    const child = field ? getNamedType(field.type) : null;
    const below = this.cost(node.selectionSet, child && isCompositeType(child) ? child : null, fragments, this.pageSize(node, field));
    const items = type !== null && isListType(type) ? (page ?? LIST_GUESS) : 1;
    return 1 + items * below;
  }

  /** Items per list inside a paginated field: `first`, its default, or the largest page for a variable. */
  private pageSize(node: FieldNode, field: GraphQLField<unknown, unknown> | null): number | null {
    const firstArg = field?.args.find((a) => a.name === 'first');
    if (!firstArg) return null;
    const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
    const value = given?.kind === Kind.VARIABLE ? this.variableDefaults.get(given.name.value) : given;
    if (value?.kind === Kind.INT) return Math.max(1, Math.min(Number(value.value), MAX_FIRST));
    if (given) return MAX_FIRST;
    return typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : MAX_FIRST;
  }

  // Once per fragment (and page size): a fragment spread twice by one spread twice by … stays linear.
  private readonly depths = new Map<string, number>();
  private readonly costs = new Map<string, number>();

  private fragmentDepth(name: string, fragments: Set<string>): number {
    const known = this.depths.get(name);
    if (known !== undefined) return known;
    const fragment = this.enter(name, fragments);
    const depth = fragment ? this.depth(fragment, new Set([...fragments, name])) : 0;
    this.depths.set(name, depth);
    return depth;
  }

  private fragmentCost(name: string, fragments: Set<string>, page: number | null): number {
    const key = `${name}|${page}`;
    const known = this.costs.get(key);
    if (known !== undefined) return known;
    const fragment = this.enter(name, fragments);
    const on = fragment ? this.compositeNamed(this.context.getFragment(name)!.typeCondition.name.value) : null;
    const cost = fragment ? this.cost(fragment, on, new Set([...fragments, name]), page) : 0;
    this.costs.set(key, cost);
    return cost;
  }

  private enter(name: string, fragments: Set<string>): SelectionSetNode | null {
    if (fragments.has(name)) return null;
    return this.context.getFragment(name)?.selectionSet ?? null;
  }

  private compositeNamed(name: string): GraphQLCompositeType | null {
    const type = this.context.getSchema().getType(name);
    return type && isCompositeType(type) ? type : null;
  }
}

function fieldOf(parent: GraphQLCompositeType | null, name: string): GraphQLField<unknown, unknown> | null {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name] ?? null;
  return null;
}
