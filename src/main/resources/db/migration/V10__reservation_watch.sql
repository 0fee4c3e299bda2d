-- Reservation Desk's own view of what its customers own, refreshed by the nightly sweep from the reservations port:
-- what the reservations page reads (so it answers without calling Partner Center or Azure) and what the watches
-- select from. Who bought a reservation comes from the order Reservation Desk placed for it, when it placed one.
create table owned_reservation (
  reservation_id       varchar(64)   primary key,
  reservation_order_id varchar(64)   not null,
  customer_id          varchar(36)   not null,
  customer_name        varchar(200),
  display_name         varchar(200),
  arm_sku_name         varchar(60),
  arm_region_name      varchar(40),
  quantity             bigint        not null,
  scope_type           varchar(10)   not null,
  scope_subscription   varchar(64),
  term_duration        varchar(3),
  billing_plan         varchar(10),
  purchase_date        date          not null,
  expiry_date          date          not null,
  renew                boolean       not null,
  provisioning_state   varchar(30),
  pc_order_id          varchar(64),
  purchase_id          varchar(36),
  bought_by            varchar(64),
  utilization_7d       numeric(5, 1),
  utilization_30d      numeric(5, 1),
  utilization_days     varchar(400),
  -- utilization_7d with no figure sorting last: the "least used first" order, served by an index on both databases
  utilization_sort     numeric(5, 1) not null,
  synced_at            timestamp with time zone not null
);
-- One index per order the page offers (and the customer filter), so a page of 50 out of 100,000 reads 50 rows.
create index owned_reservation_customer_idx on owned_reservation (customer_id, expiry_date, reservation_id);
create index owned_reservation_expiry_idx on owned_reservation (expiry_date, reservation_id);
create index owned_reservation_use_idx on owned_reservation (utilization_sort, expiry_date, reservation_id);
create index owned_reservation_name_idx on owned_reservation (customer_name, expiry_date, reservation_id);

-- What the watches raised and what the agents decided: one row per renewal notice or under-use task. A notice is
-- raised once (reservation, kind, notice); while a task is open, open_key holds "reservation|kind", which is unique,
-- so two sweeps (or two nodes) cannot raise the same task twice.
create table reservation_watch (
  id                   varchar(36)   primary key,
  reservation_id       varchar(64)   not null,
  kind                 varchar(20)   not null,
  notice               varchar(20)   not null,
  open_key             varchar(100),
  status               varchar(20)   not null,
  raised_for           varchar(64),
  process_instance_id  varchar(64),
  decided_by           varchar(64),
  reason               varchar(1000),
  purchase_id          varchar(36),
  created_at           timestamp with time zone not null,
  decided_at           timestamp with time zone
);
create unique index reservation_watch_notice_idx on reservation_watch (reservation_id, kind, notice);
create unique index reservation_watch_open_idx on reservation_watch (open_key);
create index reservation_watch_reservation_idx on reservation_watch (reservation_id, created_at);

-- Every scope change Reservation Desk applied: who, when, from what to what.
create table reservation_scope_change (
  id                   varchar(36)   primary key,
  reservation_id       varchar(64)   not null,
  from_scope           varchar(80)   not null,
  to_scope             varchar(80)   not null,
  changed_by           varchar(64)   not null,
  changed_at           timestamp with time zone not null,
  process_instance_id  varchar(64)
);
create index reservation_scope_change_idx on reservation_scope_change (reservation_id, changed_at);
