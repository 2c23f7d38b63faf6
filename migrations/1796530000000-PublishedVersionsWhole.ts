import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published draft version is the record of what residents read, and the API keeps it in memory
 * once read (drafts.service: the draft page, the page residents open most, then costs the access
 * check alone). That is sound only if nothing of what the page shows can change, so PostgreSQL
 * now refuses it all:
 * - a published `draft_version` row does not change in any column, nor is it deleted (before,
 *   only its title, preamble, change note, number and publication were guarded: its
 *   consultation, creation time and authors could still be rewritten);
 * - a stored file keeps what describes it (type, size, digest, original name, who uploaded it and
 *   when); only where its bytes are kept (`storage_key`) may change, for a move to other storage.
 * Its clauses and attachments were already frozen (`clause_published_frozen`,
 * `version_attachment_published_frozen`).
 */
/**
 * The trigger function behind every `_published_frozen` trigger (migration Consultations), with
 * `changed`: the condition under which an UPDATE of a published draft_version row is refused.
 */
function frozenVersionFunction(changed: string): string {
    return `
            CREATE OR REPLACE FUNCTION yishi_published_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE version_id uuid;
            BEGIN
                IF TG_TABLE_NAME = 'draft_version' THEN
                    IF OLD.published_at IS NOT NULL AND (TG_OP = 'DELETE' OR ${changed}) THEN
                        RAISE EXCEPTION 'a published draft version cannot change' USING ERRCODE = '23514', CONSTRAINT = 'draft_version_published_frozen';
                    END IF;
                    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                END IF;
                version_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
                IF EXISTS (SELECT 1 FROM draft_version WHERE id = version_id AND published_at IS NOT NULL)
                   OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM draft_version WHERE id = OLD.version_id AND published_at IS NOT NULL)) THEN
                    RAISE EXCEPTION 'the % of a published draft version cannot change', TG_TABLE_NAME USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_published_frozen';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$`;
}

export class PublishedVersionsWhole1796530000000 implements MigrationInterface {
    name = 'PublishedVersionsWhole1796530000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Any column of a published version.
        await queryRunner.query(frozenVersionFunction('NEW IS DISTINCT FROM OLD'));
        await queryRunner.query(`
            CREATE FUNCTION yishi_stored_file_described() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (NEW.id, NEW.mime, NEW.size_bytes, NEW.sha256, NEW.original_name, NEW.created_by, NEW.created_at)
                   IS DISTINCT FROM (OLD.id, OLD.mime, OLD.size_bytes, OLD.sha256, OLD.original_name, OLD.created_by, OLD.created_at) THEN
                    RAISE EXCEPTION 'a stored file''s description cannot change' USING ERRCODE = '23514', CONSTRAINT = 'stored_file_described_once';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER stored_file_described_once BEFORE UPDATE ON stored_file FOR EACH ROW EXECUTE FUNCTION yishi_stored_file_described()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER stored_file_described_once ON stored_file`);
        await queryRunner.query(`DROP FUNCTION yishi_stored_file_described()`);
        // Only the columns migration Consultations guarded.
        await queryRunner.query(
            frozenVersionFunction(`NEW.title IS DISTINCT FROM OLD.title
                        OR NEW.preamble IS DISTINCT FROM OLD.preamble OR NEW.change_note IS DISTINCT FROM OLD.change_note
                        OR NEW.number IS DISTINCT FROM OLD.number OR NEW.published_at IS DISTINCT FROM OLD.published_at`),
        );
    }
}
