import type { Type } from '@nestjs/common';
import { AggregateRoot, type IEventHandler } from '@nestjs/cqrs';
import { decide, evolve, initialState, type CaseCommand, type CaseEvent, type CaseState } from './case';
import type { DecideContext } from './decide-context';

/**
 * The `@nestjs/cqrs` aggregate Nest developers expect, wrapping the pure decider: rebuilt from
 * history through `evolve`, applying what `decide` returns, handing the new events to the repository.
 */
export class CaseAggregate extends AggregateRoot<CaseEvent> {
  private current: CaseState = initialState();

  static from(history: readonly CaseEvent[]): CaseAggregate {
    const aggregate = new CaseAggregate();
    aggregate.loadFromHistory([...history]);
    return aggregate;
  }

  /** An aggregate at a state already folded (the repository's cache of what it appended): no history to replay. */
  static fromState(state: CaseState): CaseAggregate {
    const aggregate = new CaseAggregate();
    aggregate.current = state;
    return aggregate;
  }

  get state(): CaseState {
    return this.current;
  }

  execute(command: CaseCommand, ctx: DecideContext): void {
    for (const event of decide(command, this.current, ctx)) this.apply(event);
  }

  /** Every event goes through the decider's `evolve` instead of an `on<EventName>` method. */
  protected getEventHandler<T extends CaseEvent>(): Type<IEventHandler> | undefined {
    return this.evolveWith as unknown as Type<IEventHandler>;
  }

  private readonly evolveWith = (event: CaseEvent) => {
    this.current = evolve(this.current, event);
  };
}
