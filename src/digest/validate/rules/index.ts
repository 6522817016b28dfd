// Every rule, in the order their problems are listed.
import type { Rule } from '../types';
import arxivIdAfterDate from './arxiv-id-after-date';
import bidiControl from './bidi-control';
import brokenVideoLink from './broken-video-link';
import controlCharacter from './control-character';
import datePathMismatch from './date-path-mismatch';
import duplicateField from './duplicate-field';
import duplicatePaper from './duplicate-paper';
import emptyAuthors from './empty-authors';
import emptyBullet from './empty-bullet';
import emptyDay from './empty-day';
import englishSummary from './english-summary';
import entryOutsideDay from './entry-outside-day';
import fieldOrder from './field-order';
import invalidDate from './invalid-date';
import invalidVote from './invalid-vote';
import labelApostrophe from './label-apostrophe';
import labelStyle from './label-style';
import layout from './layout';
import malformedArxivId from './malformed-arxiv-id';
import malformedLabel from './malformed-label';
import mixedLabelStyles from './mixed-label-styles';
import nbsp from './nbsp';
import rawVideoTag from './raw-video-tag';
import strayEmphasis from './stray-emphasis';
import swallowedHtml from './swallowed-html';
import tabCharacter from './tab-character';
import thumbnailIdMismatch from './thumbnail-id-mismatch';
import thumbnailNotPaperImage from './thumbnail-not-paper-image';
import titleHuggingFaceLink from './title-huggingface-link';
import titleNotArxiv from './title-not-arxiv';
import titleNotLink from './title-not-link';
import trailingWhitespace from './trailing-whitespace';
import unrecognizedLine from './unrecognized-line';
import votesUnsorted from './votes-unsorted';

export const RULES: readonly Rule[] = [
  invalidDate, datePathMismatch, emptyDay, entryOutsideDay, unrecognizedLine,
  titleNotLink, titleNotArxiv, titleHuggingFaceLink, malformedArxivId, arxivIdAfterDate, duplicatePaper,
  thumbnailIdMismatch, thumbnailNotPaperImage, brokenVideoLink, rawVideoTag,
  invalidVote, emptyAuthors, fieldOrder, duplicateField,
  emptyBullet, malformedLabel, strayEmphasis, labelApostrophe, mixedLabelStyles, labelStyle, swallowedHtml, englishSummary,
  controlCharacter, bidiControl, tabCharacter, nbsp, trailingWhitespace, votesUnsorted, layout,
];
