/**
 * The console's map of the organization: which nodes the signed-in person works on (from their
 * grants), where each sits in the tree (its ancestry, for `can()` of `@yishi/domain`), and which
 * sections of a node page their roles open. The API enforces all of it again.
 */
import type { OrgNodeKind, Role } from '@yishi/contracts';
import { isUnitKind } from '@yishi/contracts';
import { can, grantsReaching } from '@yishi/domain';
import type { components } from '../../../api/schema';
import type { GrantLike } from '../../../shared/roles/access';
import { byRoleRank, isConsoleGrant } from '../../../shared/roles/access';

export type TreeNode = components['schemas']['OrgTreeNodeDto'];

export interface ConsoleGrant extends GrantLike {
  id: string;
  nodeName: string;
  nodeKind: OrgNodeKind;
  buildingName: string | null;
}

export interface Located {
  node: TreeNode;
  /** The node itself first, then its parent, up to the street (as `can()` wants it). */
  ancestry: string[];
  /** Street → … → parent (for breadcrumbs). */
  parents: TreeNode[];
}

/** Finds a node in the tree with its ancestry; null when it is not there. */
export function locate(tree: readonly TreeNode[], nodeId: string): Located | null {
  const walk = (nodes: readonly TreeNode[], parents: TreeNode[]): Located | null => {
    for (const node of nodes) {
      if (node.id === nodeId) return { node, parents, ancestry: [node.id, ...parents.map((p) => p.id).reverse()] };
      const found = walk(node.children, [...parents, node]);
      if (found) return found;
    }
    return null;
  };
  return walk(tree, []);
}

/** The units (cooperatives and compounds) at or below a node, in tree order. */
export function unitsBelow(node: TreeNode): TreeNode[] {
  if (isUnitKind(node.kind)) return [node];
  return node.children.flatMap(unitsBelow);
}

export interface ConsoleNode {
  nodeId: string;
  nodeName: string;
  nodeKind: OrgNodeKind;
  /** My console roles on this node (building heads with their building). */
  roles: { role: Role; buildingName: string | null }[];
  /** For a street or community: the units below it, each opening its own page. */
  units: TreeNode[];
}

/**
 * The nodes I hold a console role on, one entry per node, in the order of the grants (the API
 * sorts them by kind and name), with the units below streets and communities.
 */
export function consoleNodes(grants: readonly ConsoleGrant[], tree: readonly TreeNode[]): ConsoleNode[] {
  const byNode = new Map<string, ConsoleNode>();
  for (const grant of grants.filter(isConsoleGrant)) {
    const entry = byNode.get(grant.nodeId) ?? {
      nodeId: grant.nodeId,
      nodeName: grant.nodeName,
      nodeKind: grant.nodeKind,
      roles: [],
      units: [],
    };
    entry.roles.push({ role: grant.role, buildingName: grant.buildingName });
    byNode.set(grant.nodeId, entry);
  }
  for (const entry of byNode.values()) {
    entry.roles.sort(byRoleRank);
    const located = isUnitKind(entry.nodeKind) ? null : locate(tree, entry.nodeId);
    entry.units = located ? unitsBelow(located.node) : [];
  }
  return [...byNode.values()];
}

/** Whose letters may be printed: the whole unit, or one building (a building head's). */
export type LetterScope = { kind: 'unit' } | { kind: 'building'; buildingId: string; buildingName: string | null };

/** What I may do with a unit's roll (名册) beyond reading it. */
export interface RollAccess {
  /** Import a file, download the export (staff, admins). */
  write: boolean;
  /** Link a resident to their roll entry in person (现场实名). */
  link: boolean;
}

/** What I may do in the 议事 (consultations) and 议题 (topics) sections of a node. */
export interface ConsultationRights {
  /** Open consultations here (发起议事), run them, screen topics. */
  manage: boolean;
  /** Enter topics and opinions that arrived offline (paper, visits, hotline…). */
  recordOffline: boolean;
  /** Answer opinions officially and hide abusive ones. */
  moderate: boolean;
}

/** The console's 表决 section: announce, open, cancel, papers, proxies, objections (manage), or read only. */
export interface VoteRights {
  manage: boolean;
  read: boolean;
  /** Decides requests to shorten the votes of units below (staff or admin above a unit). */
  supervise: boolean;
}

/** The console's 会议 section: schedule sessions and put their notices up (manage), or keep the check-in desk (desk). */
export interface SessionRights {
  manage: boolean;
  desk: boolean;
}

export interface NodeSections {
  /** The roll section (units only, for roll.read), or null. */
  roll: RollAccess | null;
  letters: LetterScope[];
  /** 重置密码: whose passwords may be reset in person — the whole unit (staff), or a building head's building. */
  accounts: LetterScope[];
  /** 议事: the consultations of the node's units, for those who run them or bring in offline input; else null. */
  consultations: ConsultationRights | null;
  /** 议题: a unit's topics and their screening (units only), for the same people; else null. */
  topics: ConsultationRights | null;
  roles: boolean;
  audit: boolean;
  /** 表决: the votes of the node's units, for those who run them or watch over them; else null. */
  votes: VoteRights | null;
  /** 会议: the sessions of a unit or the joint meetings of a community, for those who run them or keep the desk; else null. */
  sessions: SessionRights | null;
}

export const SECTION_ORDER = ['roll', 'letters', 'accounts', 'consultations', 'topics', 'roles', 'audit', 'votes', 'sessions'] as const;
export type Section = (typeof SECTION_ORDER)[number];

/** What my roles open on a node: the roll, letters and topics (units only), consultations, roles, audit. */
export function nodeSections(grants: readonly ConsoleGrant[], located: Pick<Located, 'node' | 'ancestry'>): NodeSections {
  const target = { ancestry: located.ancestry };
  let roll: RollAccess | null = null;
  /** The unit, or the buildings of the person's building-head grants, where a building-scoped action is theirs. */
  const scopesOf = (action: 'invitation.print' | 'account.reset'): LetterScope[] => {
    const scopes: LetterScope[] = [];
    if (can(grants, action, target)) scopes.push({ kind: 'unit' });
    const reaching = new Set(grantsReaching(grants, target));
    for (const grant of grants) {
      if (!reaching.has(grant) || grant.buildingId === null) continue;
      const building = grant.buildingId;
      if (!can(grants, action, { ...target, buildingId: building })) continue;
      if (!scopes.some((scope) => scope.kind === 'building' && scope.buildingId === building)) {
        scopes.push({ kind: 'building', buildingId: building, buildingName: grant.buildingName });
      }
    }
    return scopes;
  };
  const unit = isUnitKind(located.node.kind);
  if (unit && can(grants, 'roll.read', target)) {
    roll = { write: can(grants, 'roll.write', target), link: can(grants, 'invitation.manage', target) };
  }
  const letters = unit ? scopesOf('invitation.print') : [];
  const accounts = unit ? scopesOf('account.reset') : [];
  const rights: ConsultationRights = {
    manage: can(grants, 'consultation.manage', target),
    recordOffline: can(grants, 'offline.record', target),
    moderate: can(grants, 'comment.moderate', target),
  };
  const consultations = rights.manage || rights.recordOffline || rights.moderate ? rights : null;
  const manageVotes = can(grants, 'consultation.manage', target);
  // Those who run votes, and the supervisory committee that watches over them (it reads the audit
  // trail too); building heads hand out papers through staff, residents vote on their own pages.
  // Supervising counts only above a unit: on a community or street, or on a unit through a grant above it.
  const supervise = can(grantsReaching(grants, target).filter((g) => g.nodeId !== located.node.id || !isUnitKind(located.node.kind)), 'vote.supervise', target);
  const votes: VoteRights = { manage: manageVotes, read: manageVotes || (can(grants, 'consultation.read', target) && can(grants, 'audit.read', target)), supervise };
  return {
    roll,
    letters,
    accounts,
    consultations,
    topics: isUnitKind(located.node.kind) ? consultations : null,
    roles: can(grants, 'role.manage', target),
    audit: can(grants, 'audit.read', target),
    votes: votes.read && unitsBelow(located.node).length > 0 ? votes : null,
    sessions: holdsSessions(located.node.kind) && (rights.manage || rights.recordOffline) ? { manage: rights.manage, desk: rights.recordOffline } : null,
  };
}

/** Units hold their sessions, a community its joint meetings (libs/domain SESSION_KINDS by node). */
function holdsSessions(kind: string): boolean {
  return kind === 'compound' || kind === 'cooperative' || kind === 'community';
}

/** The sections a node page shows, in order. */
export function openSections(sections: NodeSections): Section[] {
  return SECTION_ORDER.filter((section) => {
    switch (section) {
      case 'roll':
        return sections.roll !== null;
      case 'letters':
        return sections.letters.length > 0;
      case 'accounts':
        return sections.accounts.length > 0;
      case 'consultations':
      case 'topics':
      case 'votes':
      case 'sessions':
        return sections[section] !== null;
      case 'roles':
      case 'audit':
        return sections[section];
    }
  });
}
