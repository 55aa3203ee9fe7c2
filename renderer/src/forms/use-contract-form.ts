import { useCallback, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldValues, Mode, Path, Resolver, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { AppErrorData } from '../../../shared/ipc/result';
import { hasShape, schemaFieldNames } from './contract-fields';
import { applyServerIssues } from './server-issues';
import { textLimits } from './text-limits';
import { useUnsavedChanges, type UnsavedChanges } from './use-unsaved-changes';

/** What `<TextField>`, `<SelectField>`, `<CheckboxGroup>` and `<Field>` need to show one field. */
export interface FieldWiring {
  /** The control's id; `<Field>` derives the `aria-describedby` ids of its hint and error from it. */
  id: string;
  registration: UseFormRegisterReturn;
  error: { message?: string | undefined } | undefined;
  /** The longest text the services accept (from the contract schema); undefined for non-text fields. */
  maxLength: number | undefined;
}

/** The props of `<FormProblems>`: the service's refusal, its issues that fit no field, client errors. */
export interface FormProblemsState {
  serverError: AppErrorData | null;
  unplaced: string[];
  clientErrors: boolean;
}

export interface ContractFormOptions<TValues extends FieldValues> {
  defaultValues: DefaultValues<TValues>;
  mode?: Mode;
  /** The fields server issues may be placed on; by default the schema's own top-level fields. */
  fieldNames?: readonly string[];
  /** Prefixed to every field's id, where a screen holds two forms with the same field names. */
  idPrefix?: string;
  /** Ask before leaving with unsaved changes (forms/use-unsaved-changes.tsx). */
  guardUnsaved?: boolean;
}

export interface ContractForm<TValues extends FieldValues, TOutput extends FieldValues> {
  form: UseFormReturn<TValues, unknown, TOutput>;
  /** One field's id, registration, error and length limit, spread onto the field component. */
  field: (name: Path<TValues> & string) => FieldWiring;
  /** The submit handler: clears the last refusal, then runs `handler` with the schema's output. */
  submit: (handler: (values: TOutput) => Promise<void> | void) => (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** Shows a refusal from the services: its issues on their fields, the rest above the form. */
  fail: (error: AppErrorData, prefix?: readonly (string | number)[]) => void;
  problems: FormProblemsState;
  unsaved: UnsavedChanges;
}

/**
 * The renderer's one way to build a form on a contract schema: react-hook-form with the same zod
 * schema the services check, the services' issues placed on the fields they name, and one `field`
 * helper so each control is wired the same way.
 */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  { defaultValues, mode = 'onTouched', fieldNames, idPrefix = '', guardUnsaved = false }: ContractFormOptions<z.input<S>>,
): ContractForm<z.input<S>, z.output<S>> {
  type TValues = z.input<S>;
  type TOutput = z.output<S>;
  const form = useForm<TValues, unknown, TOutput>({
    resolver: zodResolver(schema as never) as unknown as Resolver<TValues, unknown, TOutput>,
    defaultValues,
    mode,
  });
  const [serverError, setServerError] = useState<AppErrorData | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const limits = useMemo(() => (hasShape(schema) ? textLimits(schema) : {}), [schema]);
  const names = useMemo(() => fieldNames ?? schemaFieldNames(schema), [fieldNames, schema]);
  const { register, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const unsaved = useUnsavedChanges(guardUnsaved && formState.isDirty);

  const field = (name: Path<TValues> & string): FieldWiring => ({
    id: `${idPrefix}${name}`,
    registration: register(name),
    error: (errors as Record<string, { message?: string } | undefined>)[name],
    maxLength: limits[name],
  });

  const fail = useCallback(
    (error: AppErrorData, prefix: readonly (string | number)[] = []) => {
      setServerError(error);
      setUnplaced(applyServerIssues(error, setError, names, prefix));
    },
    [setError, names],
  );

  const submit = (handler: (values: TOutput) => Promise<void> | void) =>
    handleSubmit(async (values) => {
      setServerError(null);
      setUnplaced([]);
      await handler(values);
    });

  const clientErrors = formState.isSubmitted && Object.keys(errors).length > 0;
  return { form, field, submit, fail, problems: { serverError, unplaced, clientErrors }, unsaved };
}
