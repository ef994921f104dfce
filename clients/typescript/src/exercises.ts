// Type-checked with the generated clients (tsc --strict): what a front end writes to progress an exercise.
import { Configuration, PlanSectionsApi, SectionKind } from "../generated/plan";

/** Raises the reps of one exercise of a plan, sending the version it read (If-Match); 412 if someone was faster. */
export async function progressExercise(basePath: string, token: string, planId: string, exercise: string,
                                       reps: number): Promise<number> {
  const sections = new PlanSectionsApi(new Configuration({ basePath, accessToken: token }));
  const read = await sections.getSectionRaw({ id: planId, kind: SectionKind.Exercises });
  const etag = read.raw.headers.get("ETag") ?? undefined;
  const section = await read.value();
  if (section.kind !== "exercises") {
    throw new Error(`expected the exercises section, got ${section.kind}`);
  }
  const content = section.content;
  for (const prescribed of content.exercises) {
    if (prescribed.exercise === exercise && prescribed.dose) {
      prescribed.dose.reps = reps;
    }
  }
  const saved = await sections.replaceSection({ id: planId, kind: SectionKind.Exercises, ifMatch: etag,
    replaceSectionRequest: content });
  return saved.version;
}
