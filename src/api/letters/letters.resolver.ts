import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { requestKey } from '../../audit/personal-fields';
import { CurrentActor, type GraphqlContext } from '../../auth/current-actor.decorator';
import type { Actor } from '../../case/decide-context';
import { GenerateLetterInput } from './generate-letter.input';
import { GeneratedLetterView } from './generated-letter.model';
import { LetterService } from './letters.service';

@Resolver()
export class LettersResolver {
  constructor(private readonly letters: LetterService) {}

  @Mutation(() => GeneratedLetterView, {
    description:
      'Generates Bawaslu’s surat rekomendasi or KASN/BKN’s letter to the PPK from the case as a PDF and attaches it as a document of the step (its hash in the ledger); it names only the respondents you may see (README "Letters")',
  })
  generateLetter(@Args('input') input: GenerateLetterInput, @CurrentActor() actor: Actor, @Context() context: GraphqlContext) {
    return this.letters.generate(actor, input, 'graphql:generateLetter', requestKey(context));
  }
}
