/**
 * A reading is known by several identities (its address without tracking parameters, its
 * canonical link and og:url on its own site, its DOI, a PDF's fingerprint: `documentIdentities`
 * in shared rules). Each clip's identities go in `clip_pages`, which the page lookup reads by
 * identity. Clips made before keep the one identity they had, their page address.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('clip_pages', {
    page_id: { type: DataTypes.STRING(2_100), allowNull: false, primaryKey: true },
    clip_id: {
      type: DataTypes.STRING(64),
      allowNull: false,
      primaryKey: true,
      references: { model: 'clips', key: 'id' },
      onDelete: 'CASCADE',
    },
  });
  await q.addIndex('clip_pages', ['clip_id'], { name: 'clip_pages_clip' });
  await q.sequelize.query('INSERT INTO clip_pages (page_id, clip_id) SELECT page_url, id FROM clips');
}

export async function down(q: QueryInterface): Promise<void> {
  await q.dropTable('clip_pages');
}
