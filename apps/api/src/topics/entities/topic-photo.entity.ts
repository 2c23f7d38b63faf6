import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { StoredFile } from '../../storage/entities/stored-file.entity';
import { Topic } from './topic.entity';

/** Up to three photos of a topic (a resident's pictures, or the scan of a paper note). */
@Entity('topic_photo')
@Unique('topic_photo_position_unique', ['topicId', 'position'])
@Check('topic_photo_position_range', `"position" BETWEEN 1 AND 3`)
export class TopicPhoto {
  @PrimaryColumn({ name: 'topic_id', type: 'uuid' })
  topicId!: string;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id', foreignKeyConstraintName: 'topic_photo_topic_fk' })
  topic?: Topic;

  @PrimaryColumn({ name: 'file_id', type: 'uuid' })
  fileId!: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'topic_photo_file_fk' })
  file?: StoredFile;

  @Column({ type: 'smallint' })
  position!: number;
}
