# Cut batch rC from the seeds: passages not yet in real-dev.jsonl (checked by 4-word shingles),
# labelled by DOMAIN.md §3-4 before the tool was run on them. Held-out: id number % 5 == 0 (as rA, rB).
import json, os, re
S = os.environ.get('AGENDA_SEEDS', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'seeds')) + '/'
F = {'000': '000_5c0a27e8d87612d2.txt', '001': '001_f175f4c2c4fc70ea.txt', '002': '002_2b2594fba6a7e8b7.txt',
     '003': '003_79e025bcbec49607.txt', '004': '004_656a1455d920be53.txt'}
lines = {k: open(S + v).read().split('\n') for k, v in F.items()}
def sents(doc, ln):
    s = lines[doc][ln - 1].strip()
    return re.split(r'(?<=[.!?"”])\s+(?=[A-Z“"\-•])', s)
def cut(spec):
    # "002:67.3,71.0,71.1" sentences; "000:26-28" whole lines joined
    doc, rest = spec.split(':')
    if '-' in rest and '.' not in rest:
        a, b = map(int, rest.split('-'))
        text = ' '.join(l.strip() for l in lines[doc][a - 1:b] if l.strip())
        return doc, a, b, text
    parts = []
    lns = []
    for p in rest.split(','):
        ln, j = p.split('.')
        parts.append(sents(doc, int(ln))[int(j)]); lns.append(int(ln))
    return doc, min(lns), max(lns), ' '.join(parts)
N, P, G = 'negative', 'positive', 'near-miss'
items = [
 ('000:26-28', [], G, ['bemiddelaars', 'centralisatie'], 'A sounding board that guided the study; UWV and Binnenwerk are named as members, no action of an employer or sector.', {}),
 ('001:44-46', [], G, ['functies-passend'], 'Memo describing that the approach of Rijk is described; custom work (maatwerk) is needed, no concrete action.', {}),
 ('002:67.3,71.0,71.1', [], G, ['goede-voorbeelden'], 'Describes the general role of dossierhouders (collect and inform); a role, not an activity aimed at sharing.', {}),
 ('002:80.2,80.3', [], N, None, 'Study meta-text on the kinds of sectors.', {}),
 ('002:92.3,92.4', [], N, None, 'Study reports how representatives see the agendas.', {}),
 ('002:96.0', [], G, ['inkoop-sroi'], 'Summary heading of the study: the government sector aims at market jobs via procurement; a finding heading, not an agenda action.', {}, ['inkoop-sroi']),
 ('002:112.1,112.3', [], N, None, 'Quote of a minister announcing a study; no action type.', {}),
 ('002:122.0,122.1', [], G, ['bestuurlijk-commitment'], 'Background: the Bestuursakkoord as an initiative the government sector was asked for; frame of the study rather than an agenda action.', {}, ['bestuurlijk-commitment']),
 ('002:143.0', [], N, None, 'Footnote on the quota levy.', {}),
 ('002:158.0,158.1,158.2', [], N, None, 'Study scope.', {}),
 ('002:160.0,160.1,160.2', [], G, ['goede-voorbeelden'], 'General description of the role of legislator and representatives (facilitate employers); no concrete activity.', {}),
 ('002:162.0', [], G, ['inkoop-sroi'], 'Research aim about jobs through procurement and SROI; study, not an action.', {}),
 ('002:168.1', [], N, None, 'Research question.', {}),
 ('002:183.1', [], G, ['inkoop-sroi'], 'Research question on jobs through procurement.', {}),
 ('002:187.2,187.3', [], N, None, 'Study scope.', {}),
 ('002:216.0,216.1', [], N, None, 'Study method (interviews).', {}),
 ('002:230.0,230.1', [], N, None, 'Study method: employers interviewed.', {}),
 ('002:239.0,239.1', [], G, ['samenwerken-partners'], 'Dossierhouders as contact point for employers: a role description, not an action of an agenda.', {}),
 ('002:241.4,241.5,241.6', [], N, None, 'Description of the sectors.', {}),
 ('002:250.0,250.1,250.2', [], N, None, 'Study method.', {}),
 ('002:252.0', [], G, ['goede-voorbeelden'], 'The researchers collected inspiring examples for their study; not an activity aimed at sharing by a sector.', {}),
 ('002:254.0,256.0,256.1', [], G, ['bemiddelaars'], 'General text on intermediary organisations connecting supply and demand; no action of an employer or sector.', {}),
 ('002:268.0,268.2', [], N, None, 'Reference to the Significant APE study.', {}),
 ('002:298.0,298.1', [], N, None, 'Study meta-text on instruments.', {}),
 ('002:300.0,300.1,300.2', [], N, None, 'Study chapter intro and conclusion on agendas as steering instrument.', {}),
 ('002:316.0,316.1,316.2', [], N, None, 'Study analysis of bottom-up/top-down.', {}),
 ('002:342.0,342.2', [], N, None, 'Study observation about representatives stimulating to different degrees.', {}),
 ('002:363.0,363.1', [], N, None, 'Footnote on the Bestuursakkoord wording.', {}),
 ('002:368.1,368.2', [], N, None, 'Study description of what agendas consist of.', {}),
 ('002:389.0,389.1,389.2', [], N, None, 'Footnote on why Tilburg University is highlighted.', {}),
 ('002:399.0', [], G, ['goede-voorbeelden'], 'Goal 3 of the agreement (sharing examples in the agenda) discussed by the study; not an activity aimed at sharing.', {}),
 ('002:405.0,405.1', [], G, ['goede-voorbeelden'], 'Goal component stated and the study attended one meeting; no sharing activity of a sector.', {}),
 ('002:405.4', [], G, ['goede-voorbeelden'], 'Negated: representatives do not hold each other to account.', {}),
 ('002:409.0,409.1', [], N, None, 'Study discussion of responsibility.', {}),
 ('002:419.1,419.2', [], G, ['monitoring'], 'BZK uses agendas as input for accountability; no comparison of realisation with a goal.', {}),
 ('002:425.0,425.1', [], N, None, 'Study meta-text.', {}),
 ('002:432.0,432.1,432.2', [], N, None, 'Footnote on an accountability document.', {}),
 ('002:440.0,440.1,440.2,440.4', [], N, None, 'Interview quote judging the agenda.', {}),
 ('002:442.0,442.1', [], N, None, 'Study meta-text on how agendas are seen.', {}),
 ('002:446.2', [], N, None, 'Study finding on the function of agendas.', {}),
 ('002:448.0,448.1', [], N, None, 'Study finding and quote.', {}),
 ('002:452.1', [], G, ['problem-analysis'], 'Representatives say they lack the mandate; a description of roles, no analysis tied to a plan.', {}),
 ('002:463.0,463.1', [], N, None, 'Study meta-text on agenda size.', {}),
 ('002:467.3', [], N, None, 'Study method: counting activities.', {}),
 ('002:504.0,504.1,504.2', [], N, None, 'Study text on policy cycles.', {}),
 ('002:506.0,506.2,506.3', [], N, None, 'Deming cycle explained.', {}),
 ('002:515.0', [], N, None, 'Deming cycle explained.', {}),
 ('002:517.0,517.1', [], G, ['planning'], 'Agenda period described in general; no activities tied to dates.', {}),
 ('002:545.0,545.1', [], N, None, 'Study text on conclusions.', {}),
 ('002:551.0,551.1', [], N, None, 'Study finding on the cycle.', {}),
 ('002:558.1,558.2', [], N, None, 'Study reason why the cycle is incomplete.', {}),
 ('002:560.1', [], G, ['problem-analysis'], 'Study speculation on why representatives cannot act on ideas; not an agenda analysis tied to a plan.', {}),
 ('002:565.2', [], G, ['goede-voorbeelden'], 'Meta-text: the study sees examples for each recommendation in the agendas.', {}),
 ('002:567.0,567.1,567.2', [], N, None, 'Study meta-text.', {}),
 ('002:579.0,579.1', [], N, None, 'Study meta-text.', {}),
 ('002:583.0', [], N, None, 'Study conclusion.', {}),
 ('002:587.0,587.2', [], N, None, 'Study meta-text.', {}),
 ('002:589.3', [], N, None, 'Study observation about motivation ranking.', {}),
 ('002:595.0,595.1', [], N, None, 'Success factor: representatives with enough time.', {}),
 ('002:601.0,601.1,601.2', [], G, ['samenwerken-partners'], 'What a representative can do (enter into cooperation); possibility, not an action.', {}),
 ('002:601.4', [], G, ['samenwerken-partners'], 'Possibility: a representative can steer towards cooperation.', {}),
 ('002:607.0', [], N, None, 'Footnote on who decides.', {}),
 ('002:621.0,621.1', [], G, ['centralisatie'], 'Study text: the level of the central construction differs; no action.', {}),
 ('002:635.0,635.1', [], G, ['proefplaatsingen'], 'A representative can set up pilots; study observation; pilots are no trial placements.', {}),
 ('002:643.3', [], N, None, 'Study scope.', {}),
 ('002:677.1,677.2,677.3', [], N, None, 'Description of sectors.', {}),
 ('002:679.2,679.3', [], G, ['meet-and-greets'], 'Quote: someone never met a person who praised the law; meeting in another sense.', {}),
 ('002:683.2,683.3', [], N, None, 'Bottleneck described by the study (complex legislation).', {}),
 ('002:687.3', [], N, None, 'Employers experience the quota as a race.', {}),
 ('002:689.3,689.4', [], G, ['functies-passend'], 'Jobs with little added value were cut; no job carving action.', {}),
 ('002:703.1', [], N, None, 'Departments use a formation; description.', {}),
 ('002:709.2,709.3', [], G, ['ambassadeurschap'], 'Motivation named as a difficulty; no awareness or ambassador activity.', {}),
 ('002:713.0,713.1,713.2', [], G, ['ambassadeurschap'], 'Representatives as inspirers: role description, not an activation programme.', {}),
 ('002:717.0,717.1,717.2,717.3', [], N, None, 'Study meta-text on recommendations.', {}),
 ('002:724.1,724.2', [], N, None, 'Recommendation (advice).', {}),
 ('002:729.0,729.1', [], G, ['centralisatie'], 'Part of recommendation 2c on a central pot; advice, not an action.', {}),
 ('002:731.0,731.1', [], G, ['centralisatie'], 'Where a central construction can be set up; advice.', {}),
 ('002:737.3,737.4', [], G, ['functies-passend', 'bemiddelaars'], 'Intermediaries can help; job carving is a possibility: definitions/possibilities inside a recommendation.', {}),
 ('002:744.0,744.1,744.2,744.3', [], G, ['samenwerken-partners'], 'Footnote on network coordinators from earlier research; not an agenda action.', {}),
 ('002:746.5,746.6', [], G, ['centralisatie'], 'A fund makes experiments attractive; an existing pilot fund not used; advice context.', {}),
 ('002:747.5,747.6,747.7', [], G, ['samenwerken-partners'], 'A national helpdesk exists but is not used; study observation.', {}),
 ('002:753.4,753.5', [], G, ['goede-voorbeelden'], 'Study: bottlenecks are shared by sectors; a joint solution may be found; no sharing activity.', {}),
 ('002:757.3', [], G, ['goede-voorbeelden'], 'There are enough good examples: observation, not an activity aimed at sharing.', {}),
 ('002:761.2,761.3,761.4', [], G, ['goede-voorbeelden', 'samenwerken-partners'], 'Advice on a helpdesk or coach to translate good examples.', {}),
 ('002:767.0,767.1,767.2,767.3', [], G, ['goede-voorbeelden'], 'Study text on translating good examples between sectors; advice.', {}),
 ('002:771.0,771.1,771.2', [], N, None, 'Study meta-text on recommendations.', {}),
 ('002:777.2,777.3', [], N, None, 'Study observation and advice.', {}),
 ('002:778.3,778.4', [], G, ['meet-and-greets'], 'Advice to take the representative to events; meetings about other topics, no candidates meeting managers.', {}),
 ('002:781.0,781.1,781.2', [], N, None, 'Footnote with advice.', {}),
 ('002:797.0,797.1', [], G, ['bemiddelaars'], 'The study used UWV files; UWV keeps records; UWV not as intermediary.', {}),
 ('002:803.0', [], G, ['samenwerken-partners'], 'Method: people seconded from sw-bedrijven are counted; no cooperation action.', {}),
 ('002:805.0,805.2', [], G, ['inkoop-sroi'], 'Method: small employers left out; procurement rare among them.', {}),
 ('002:889.0,889.1,889.2,889.3', [], G, ['bemiddelaars'], 'Survey method on temp agencies (double counting); no recruitment through agencies.', {}),
 ('002:893.0', [], G, ['samenwerken-partners'], 'Footnote: sw-bedrijven left out of the sample.', {}),
 ('002:901.0', [], G, ['inkoop-sroi'], 'Chapter intro on appreciation of procurement and SROI.', {}),
 ('002:911.0,911.1', [], G, ['inkoop-sroi'], 'Survey method: employers asked whether they worked for the government.', {}),
 ('002:932.0,932.1', [], N, None, 'Survey method.', {}),
 ('002:946.0,946.1', [], G, ['inkoop-sroi'], 'Survey calculation on social return; statistic.', {}),
 ('002:948.0,948.1,948.2', [], G, ['inkoop-sroi'], 'Employers without procurement or social return; statistic method, negated.', {}),
 ('002:960.0,960.1,960.2', [], G, ['bemiddelaars', 'samenwerken-partners'], 'Method: sw-bedrijven and temp agencies left out of calculations.', {}),
 ('002:992.0,992.1,992.2,992.3', [], G, ['bemiddelaars'], 'Estimate of people placed through agencies working in the market; statistic.', {}),
 ('002:1000.0,1000.1,1000.2', [], G, ['inkoop-sroi', 'jobs-target'], 'Estimate of jobs due to SROI and procurement; a past figure, not a target.', {}),
 ('002:1006.0,1006.1', [], G, ['inkoop-sroi'], 'Survey statistic on employers working for the government.', {}),
 ('002:1014.0,1014.1,1014.2', [], N, None, 'Footnote on a conversion factor.', {}),
 ('002:1022.0,1022.1', [], G, ['inkoop-sroi'], 'Survey statistic: a third carried out government assignments.', {}),
 ('002:1072.1', [], N, None, 'Survey question on reasons.', {}),
 ('002:1085.0', [], G, ['bemiddelaars'], 'Survey question about temp workers; a question, not an action.', {}),
 ('003:21.1', [], G, ['bestuurlijk-commitment'], 'Minister: sectors stress with the agreement that they find work for the target group important; praise, not a board activity described.', {}, ['bestuurlijk-commitment']),
 ('003:25.0,25.2,25.3', [], N, None, 'Minister is pleased; work remains.', {}),
 ('003:29.0,29.1', [], N, None, 'Letter meta-text.', {}),
 ('003:37.4,37.5', [], G, ['goede-voorbeelden'], 'Project leaders discuss cooperation possibilities; a meeting on cooperation, not clearly aimed at sharing practices.', {}, ['goede-voorbeelden']),
 ('003:59.0,59.1', [], N, None, 'Minister on the simplified agreement.', {}),
 ('003:63.2', [], G, ['ambassadeurschap'], 'The Kennisalliantie cooperates with the inspirer; the minister\'s own initiative, cooperation not itself ambassadorship.', {}, ['ambassadeurschap']),
 ('003:67.0,67.1,67.2', [], N, None, 'Minister concluding remarks.', {}),
 ('004:69-73', [], G, ['centralisatie'], '"Centraal stellen" means giving priority, not central steering or financing; memo consensus.', {}),
]
out = []
for i, it in enumerate(items, 1):
    spec, codes, kind, nm, why, cycle = it[:6]
    accept = it[6] if len(it) > 6 else None
    doc, a, b, text = cut(spec)
    r = {'id': 'rC%03d' % i, 'source': F[doc] + ':' + (str(a) if a == b else '%d-%d' % (a, b)),
         'split': 'held-out' if i % 5 == 0 else 'dev', 'text': text, 'cycle': cycle, 'codes': codes, 'kind': kind}
    if nm: r['near_miss_for'] = nm
    r['why'] = why
    if accept: r['accept'] = accept
    r['decided_by'] = 'labeller'
    out.append(r)
print(len(out))
import os, sys
target = os.path.join(os.path.dirname(__file__), '..', 'Tests/Fixtures/real-dev.jsonl')
if any(json.loads(line)['id'].startswith('rC') for line in open(target) if line.strip()):
    sys.exit(target + ': the rC batch is already there; nothing written')
with open(target, 'a') as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + '\n')
