import { scopeOf } from '../../../shared/assessments/scope';
import { criterionById } from '../../../shared/framework/lookup';
import { AppError } from '../../../shared/ipc/result';
import type { SampleAssessment } from '../../../shared/sample/contract';
import { applicableItems } from '../../../shared/scoring';
import { kindsFor } from '../../../shared/settings/roles';
import type { AppServices } from '../app-services';
import { addDays, localDate } from '../assessments/dates';
import { sampleEvidence } from './sample-evidence';
import { sampleInstitution, sampleProgrammes } from './sample-institution';
import { SampleMarkerRepository, type SampleMarker } from './sample-marker';
import { samplePatch } from './sample-patch';
import { leftForTheUser, metNotes, plannedRatings, type SampleUnitPlace } from './sample-ratings';

type SampleParts = Pick<
  AppServices,
  'db' | 'mutator' | 'settings' | 'institutions' | 'frameworks' | 'assessments' | 'ratings' | 'evidence'
>;

/** The sample is written for this framework; a newer version of it is used only when this one is gone. */
const sampleFramework = { frameworkId: 'bd-eu-tvet', version: '1.0.0' };

/**
 * The guided sample assessment: a demo institution with two programmes and a draft inspection against
 * the default framework, nearly complete, so a new user can rate the rest, submit, and sign a report
 * in minutes. Everything is made through the registry and assessment services in one transaction
 * (their own transactions nest in it), with a marker that makes a second call return the same sample.
 */
export class SampleService {
  private readonly markers: SampleMarkerRepository;

  constructor(private readonly s: SampleParts) {
    this.markers = new SampleMarkerRepository(s.db);
  }

  async create(): Promise<SampleAssessment> {
    const language = this.s.settings.get().language;
    const made = this.s.mutator.run((m) => {
      const existing = this.markers.get();
      if (existing !== undefined && this.exists(existing)) return { marker: existing, created: false, weldingId: '', siteVisit: '' };

      const frameworkVersionId = this.frameworkVersionId();
      const institution = this.s.institutions.create(sampleInstitution(language));
      const ict = this.s.institutions.createProgramme(institution.id, sampleProgrammes.ict);
      const welding = this.s.institutions.createProgramme(institution.id, sampleProgrammes.welding);
      const today = localDate(m.at);
      // An institution's administrator starts self-assessments only (shared/settings/roles.ts): their
      // sample is the same journey as the institution's own statement, led by them.
      const kind = kindsFor(m.actor.role).includes('inspection') ? 'inspection' : 'self-assessment';
      const assessment = this.s.assessments.create({
        kind,
        institutionId: institution.id,
        programmeIds: [ict.id, welding.id],
        frameworkVersionId,
        team:
          kind === 'inspection'
            ? [
                { name: m.actor.name, role: 'lead-inspector' },
                { name: 'Tanvir Hasan', role: 'inspector' },
              ]
            : [{ name: m.actor.name, role: 'administrator' }],
        plannedStart: addDays(today, -3),
        plannedEnd: addDays(today, -1),
        siteVisitDate: addDays(today, -2),
        followsAssessmentId: null,
      });

      const framework = this.s.frameworks.get(frameworkVersionId).framework;
      const places = new Map<string | null, SampleUnitPlace>([
        [null, 'institution'],
        [ict.id, 'ict'],
        [welding.id, 'welding'],
      ]);
      let met = 0;
      for (const unit of applicableItems(framework, scopeOf(assessment.programmes))) {
        const key = `${unit.criterionId}@${places.get(unit.programmeId)}`;
        const criterion = criterionById(framework, unit.criterionId);
        if (!unit.applicable || criterion === undefined || leftForTheUser.includes(key)) continue;
        const planned = plannedRatings[key];
        const patch = samplePatch(criterion, unit.critical, planned, language, metNotes[met % metNotes.length]!);
        if (planned === undefined) met += 1;
        if (patch !== null) {
          this.s.ratings.save({
            assessmentId: assessment.id,
            criterionId: unit.criterionId,
            programmeId: unit.programmeId,
            patch,
          });
        }
      }

      const marker: SampleMarker = { institutionId: institution.id, assessmentId: assessment.id };
      this.markers.set(marker);
      m.record({ entity: 'sample', entityId: assessment.id, action: 'create', payload: { ...marker, frameworkVersionId } });
      return { marker, created: true, weldingId: welding.id, siteVisit: assessment.siteVisitDate };
    });

    if (made.created) await this.attachEvidence(made.marker.assessmentId, made.weldingId, made.siteVisit, language);
    return this.describe(made.marker, made.created);
  }

  /**
   * The sample's two evidence files, attached through the evidence service (files are stored before
   * the transaction that records them, so this cannot be part of the one above). They are an
   * illustration: the sample is complete and usable without them, so a failure here is not the user's.
   */
  private async attachEvidence(assessmentId: string, weldingId: string, siteVisit: string, language: 'en' | 'bn'): Promise<void> {
    try {
      for (const request of await sampleEvidence(assessmentId, weldingId, siteVisit, language)) await this.s.evidence.attach(request);
    } catch (error) {
      console.warn('The sample evidence could not be attached:', error);
    }
  }

  private describe(marker: SampleMarker, created: boolean): SampleAssessment {
    const summary = this.s.assessments.list({ institutionId: marker.institutionId }).find((a) => a.id === marker.assessmentId);
    return { ...marker, created, toRate: summary === undefined ? 0 : Math.max(0, summary.total - summary.answered) };
  }

  /** A marker whose records are gone (a data folder repaired by hand) does not stop a new sample. */
  private exists(marker: SampleMarker): boolean {
    return this.s.assessments.list({ institutionId: marker.institutionId }).some((a) => a.id === marker.assessmentId);
  }

  private frameworkVersionId(): string {
    const versions = this.s.frameworks.list().filter((v) => v.frameworkId === sampleFramework.frameworkId);
    const version = versions.find((v) => v.version === sampleFramework.version) ?? versions[0];
    if (version === undefined) {
      throw new AppError('not-found', 'The default framework (bd-eu-tvet) is not installed, so the sample assessment cannot be made.');
    }
    return version.id;
  }
}
