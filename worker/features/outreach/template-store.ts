import { asc, eq } from 'drizzle-orm';
import { emailTemplates } from '../../../schema';
import type { TemplateInput, TemplateView } from '../../../schema/outreach-api';
import type { DatabaseAccess } from '../../platform/db';
import { violatedUniqueConstraint } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { checkTemplate } from './template';

/** Email templates as staff keep them: checked on every save, so a broken one is never stored. */

type TemplateRow = typeof emailTemplates.$inferSelect;

export const templateView = (row: TemplateRow): TemplateView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  language: row.language,
  category: row.category,
  subject: row.subject,
  plainContent: row.plainContent,
  htmlContent: row.htmlContent,
  isActive: row.isActive,
  variables: row.variables,
  usageCount: row.usageCount,
  performanceScore: row.performanceScore,
  updatedAt: row.updatedAt.toISOString(),
});

/** The template's problems as an error the editor shows at each place, or its variables. */
function checked(input: TemplateInput): string[] {
  const { problems, variables } = checkTemplate({
    subject: input.subject,
    plain: input.plainContent,
    html: input.htmlContent,
  });
  if (problems.length > 0) throw new AppError('invalid_template', undefined, { problems });
  return variables;
}

const nameTaken = (error: unknown) => {
  if (violatedUniqueConstraint(error) === 'email_templates_name_language_unique') {
    throw new AppError(
      'invalid_template',
      bilingual('Another template in this language has this name.', 'Un autre modèle dans cette langue porte ce nom.'),
      { field: 'name' },
    );
  }
  throw error;
};

export async function listTemplates(db: DatabaseAccess): Promise<TemplateView[]> {
  const rows = await db.service((tx) =>
    tx.select().from(emailTemplates).orderBy(asc(emailTemplates.language), asc(emailTemplates.name)),
  );
  return rows.map(templateView);
}

export async function findTemplate(db: DatabaseAccess, id: string): Promise<TemplateRow> {
  const [row] = await db.service((tx) => tx.select().from(emailTemplates).where(eq(emailTemplates.id, id)));
  if (!row) throw new AppError('template_not_found');
  return row;
}

export async function createTemplate(db: DatabaseAccess, input: TemplateInput): Promise<TemplateView> {
  const variables = checked(input);
  const [row] = await db
    .service((tx) =>
      tx
        .insert(emailTemplates)
        .values({ ...input, variables })
        .returning(),
    )
    .catch(nameTaken);
  return templateView(row!);
}

export async function updateTemplate(db: DatabaseAccess, id: string, input: TemplateInput): Promise<TemplateView> {
  const variables = checked(input);
  const [row] = await db
    .service((tx) =>
      tx
        .update(emailTemplates)
        .set({ ...input, variables, updatedAt: new Date() })
        .where(eq(emailTemplates.id, id))
        .returning(),
    )
    .catch(nameTaken);
  if (!row) throw new AppError('template_not_found');
  return templateView(row);
}
