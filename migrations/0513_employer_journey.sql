-- The employer's journey with one face (issue 13): employers known per region by KvK number with a fixed
-- contact, one case per employer submission per region with the candidates as its lines, follow-through
-- steps and tasks, answerable mail, the WSP's phone number, per-region working hours and the public guide
-- of what an employer can get.

-- Mail: general extra headers (Reply-To and whatever else a kind of mail needs) kept with the message, so a
-- retry sends exactly what was queued.
alter table mail_outbox add column reply_to text;
alter table mail_outbox add column headers jsonb not null default '{}';

-- Staff: a direct phone number, shown to the employers whose adviser they are.
alter table users add column phone text;

-- Regions: the WSP's phone number (for the apology when a promise is not kept) and how the due time counts.
alter table regions add column wsp_phone text;
-- Null: the service-wide request_settings.due_mode. 'working_hours' skips weekends and Dutch public holidays.
alter table regions add column due_mode text check (due_mode in ('calendar', 'working_hours'));

-- An employer as one WSP knows it: by KvK number, within a region. The fixed contact (accountmanager) is
-- set by the first routing (set_by null) or by a coordinator or admin.
create table employers (
	id bigint generated always as identity primary key,
	region_code text not null references regions (code),
	kvk_number text not null,
	account_manager_id text references users (id) on delete set null,
	account_manager_set_by text references users (id) on delete set null,
	account_manager_set_at timestamptz,
	created_at timestamptz not null default now(),
	unique (region_code, kvk_number)
);

-- One case per submission per region: one responsible adviser, one due time, one first contact. The
-- candidates asked about are its lines (interest_requests), each with its own status.
create table request_cases (
	id bigint generated always as identity primary key,
	submission_id bigint not null references employer_submissions (id),
	-- Null only for requests migrated after their employer details were erased.
	employer_id bigint references employers (id),
	region_code text not null references regions (code),
	assigned_user_id text references users (id),
	-- The region's shared mailbox when nobody in the team could take it.
	assigned_mailbox text,
	due_at timestamptz not null,
	first_contact_at timestamptz,
	escalated_at timestamptz,
	-- When the employer was told, with an apology, that the due time passed without contact.
	overdue_notified_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (submission_id, region_code)
);
create index request_cases_assigned on request_cases (assigned_user_id);
create index request_cases_due on request_cases (due_at) where first_contact_at is null;
create index request_cases_employer on request_cases (employer_id);

-- Existing requests: employers by (region, KvK), the adviser of their latest request as fixed contact;
-- the requests of one submission in one region become one case under the adviser of its first line.
insert into employers (region_code, kvk_number, account_manager_id, account_manager_set_at, created_at)
select distinct on (r.region_code, s.kvk_number) r.region_code, s.kvk_number, r.assigned_user_id,
	r.created_at, r.created_at
from interest_requests r join employer_submissions s on s.id = r.submission_id
where s.kvk_number is not null
order by r.region_code, s.kvk_number, r.created_at desc;

insert into request_cases (submission_id, employer_id, region_code, assigned_user_id, assigned_mailbox, due_at,
	first_contact_at, escalated_at, created_at, updated_at)
select r.submission_id, e.id, r.region_code,
	(array_agg(r.assigned_user_id order by r.id))[1], (array_agg(r.assigned_mailbox order by r.id))[1],
	min(r.due_at), min(r.first_contact_at), min(r.escalated_at), min(r.created_at), max(r.updated_at)
from interest_requests r
join employer_submissions s on s.id = r.submission_id
left join employers e on e.region_code = r.region_code and e.kvk_number = s.kvk_number
group by r.submission_id, r.region_code, e.id;

alter table interest_requests add column case_id bigint references request_cases (id);
update interest_requests r set case_id = c.id
from request_cases c where c.submission_id = r.submission_id and c.region_code = r.region_code;
alter table interest_requests alter column case_id set not null;
create index interest_requests_case on interest_requests (case_id);

-- The case holds these now: one source of truth.
alter table interest_requests drop column assigned_user_id;
alter table interest_requests drop column assigned_mailbox;
alter table interest_requests drop column due_at;
alter table interest_requests drop column first_contact_at;
alter table interest_requests drop column escalated_at;

-- Routing is decided per case from now on; older decisions keep their request as well.
alter table request_routings add column case_id bigint references request_cases (id);
update request_routings d set case_id = r.case_id from interest_requests r where r.id = d.request_id;
alter table request_routings alter column case_id set not null;
alter table request_routings alter column request_id drop not null;
create index request_routings_case on request_routings (case_id, decided_at);
alter table request_routings drop constraint request_routings_reason_check;
alter table request_routings add constraint request_routings_reason_check check (
	reason in (
		'fixed_contact',
		'fixed_contact_backup',
		'own_consultant',
		'own_consultant_backup',
		'fewest_open',
		'nobody_available',
		'reassigned'
	)
);

alter table request_events drop constraint request_events_kind_check;
alter table request_events add constraint request_events_kind_check check (
	kind in (
		'created', 'status', 'note', 'contact', 'consent', 'reply', 'reassigned', 'escalated', 'step',
		'overdue_notice', 'consultant_informed'
	)
);

-- Extra status links: later mails carry a link of their own (only hashes are stored, as for the first).
create table submission_links (
	token_hash text primary key,
	submission_id bigint not null references employer_submissions (id),
	created_at timestamptz not null default now()
);
create index submission_links_submission on submission_links (submission_id);

-- Follow-through: what happened in a case, about the whole case or about one candidate line.
create table case_steps (
	id bigint generated always as identity primary key,
	case_id bigint not null references request_cases (id),
	request_id bigint references interest_requests (id),
	kind text not null check (
		kind in (
			'kennismakingsgesprek',
			'voorgedragen',
			'sollicitatiegesprek',
			'proefplaatsing',
			'geplaatst',
			'geen_match'
		)
	),
	-- Meetings: the day and place; placements: start and end; geplaatst: the contract type.
	meeting_on date,
	place text,
	starts_on date,
	ends_on date,
	contract_type text check (contract_type in ('bepaalde_tijd', 'onbepaalde_tijd', 'uitzendbasis', 'anders')),
	reason text,
	-- The agreements as mailed to the employer; emptied by retention.
	agreements text,
	user_id text references users (id),
	created_at timestamptz not null default now()
);
create index case_steps_case on case_steps (case_id, created_at);

-- Due-dated work from the steps: contact moments after a placement, after-care for a turned-down candidate.
create table case_tasks (
	id bigint generated always as identity primary key,
	case_id bigint not null references request_cases (id),
	request_id bigint references interest_requests (id),
	step_id bigint references case_steps (id),
	kind text not null check (kind in ('contact_2_weken', 'contact_6_weken', 'contact_contracteinde', 'nazorg')),
	assigned_user_id text references users (id),
	due_at timestamptz not null,
	done_at timestamptz,
	done_by text references users (id),
	created_at timestamptz not null default now(),
	unique (step_id, kind)
);
create index case_tasks_open on case_tasks (assigned_user_id, due_at) where done_at is null;
create index case_tasks_case on case_tasks (case_id);

-- "Wat u als werkgever kunt krijgen": national content (region null) plus regional additions.
create table employer_instruments (
	id bigint generated always as identity primary key,
	region_code text references regions (code),
	title text not null,
	body text not null,
	position integer not null default 100,
	updated_by text references users (id) on delete set null,
	updated_at timestamptz not null default now()
);
create index employer_instruments_region on employer_instruments (region_code, position);

insert into employer_instruments (title, body, position) values
	('Proefplaatsing',
	 'De kandidaat werkt een tijd bij u met behoud van uitkering, meestal twee tot zes maanden. U betaalt in die tijd geen loon en kunt zien of het werk en de kandidaat bij elkaar passen.',
	 10),
	('No-riskpolis',
	 'Wordt een werknemer met een arbeidsbeperking ziek, dan betaalt UWV een Ziektewet-uitkering. U hoeft dan het loon niet zelf door te betalen, en uw premie stijgt er niet door.',
	 20),
	('Loonkostensubsidie of loondispensatie',
	 'Kan de werknemer nog niet het volle minimumloon verdienen, dan compenseert de gemeente (loonkostensubsidie) of UWV (loondispensatie) het verschil. U betaalt naar wat de werknemer kan.',
	 30),
	('Jobcoach',
	 'Een jobcoach helpt de werknemer en u op de werkvloer: bij het inwerken, het maken van afspraken en als er iets verandert. De gemeente of UWV betaalt de jobcoach.',
	 40),
	('Werkplekaanpassing',
	 'Is er een aangepaste stoel, software of ander hulpmiddel nodig, dan kan de gemeente of UWV dat vergoeden.',
	 50),
	('Loonkostenvoordeel (LKV)',
	 'Voor werknemers uit het doelgroepregister kunt u een loonkostenvoordeel (LKV) krijgen: een vast bedrag per jaar, bij de Belastingdienst aan te vragen via uw loonaangifte.',
	 60);
