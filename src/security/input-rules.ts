/* eslint-disable @typescript-eslint/no-require-imports */
import type * as ClassValidator from 'class-validator';

/**
 * The class-validator rules Netra's inputs use, and its `validate`, each from its own file of the
 * package. class-validator's index loads every rule it has, with validator.js and libphonenumber's
 * metadata: about 290 modules and 0.2 s of CPU on every start (README, "Start-up") for rules no
 * input uses. The files are the ones the index loads, so the rules land in the same metadata store
 * (a global) that Nest's ValidationPipe reads; a rule not listed here is added here first.
 */
const rule = <K extends keyof typeof ClassValidator>(file: string, name: K): (typeof ClassValidator)[K] =>
  (require(`class-validator/cjs/${file}`) as typeof ClassValidator)[name];

export const ArrayMaxSize = rule('decorator/array/ArrayMaxSize', 'ArrayMaxSize');
export const IsOptional = rule('decorator/common/IsOptional', 'IsOptional');
export const ValidateNested = rule('decorator/common/ValidateNested', 'ValidateNested');
export const Max = rule('decorator/number/Max', 'Max');
export const Min = rule('decorator/number/Min', 'Min');
export const IsUUID = rule('decorator/string/IsUUID', 'IsUUID');
export const isUUID = rule('decorator/string/IsUUID', 'isUUID');
export const Matches = rule('decorator/string/Matches', 'Matches');
export const MaxLength = rule('decorator/string/MaxLength', 'MaxLength');

const { getFromContainer } = require('class-validator/cjs/container') as typeof ClassValidator;
const { Validator } = require('class-validator/cjs/validation/Validator') as typeof ClassValidator;
const { getMetadataStorage } = require('class-validator/cjs/metadata/MetadataStorage') as typeof ClassValidator;

/** class-validator's `validate` for a decorated object (what its index exports, without the index). */
export const validate = (object: object, options?: ClassValidator.ValidatorOptions): Promise<ClassValidator.ValidationError[]> =>
  getFromContainer(Validator).validate(object, options);

/** For Nest's ValidationPipe (`validatorPackage`), which otherwise requires the whole index when it is built. */
export const validatorPackage = { validate, getMetadataStorage };
