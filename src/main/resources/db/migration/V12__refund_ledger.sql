-- Returns and exchanges of reservations (issue 18): Reservation Desk's own ledger, one row per request, keyed by the
-- process instance that handles it (which no agent can change), with its lines. What counts against a customer's refund
-- budget is read from here: the counted returns submitted within the window whose status still holds money.
create table reservation_return (
  id                   varchar(36)   primary key,
  process_instance_id  varchar(64)   not null,
  kind                 varchar(10)   not null,
  customer_id          varchar(36)   not null,
  customer_name        varchar(200),
  -- CHOOSING, QUOTED, OVER_BUDGET, AWAITING_APPROVAL, REJECTED, APPROVED, RUNNING, SUCCEEDED, FAILED, CANCELLED
  status               varchar(20)   not null,
  counted              boolean       not null,
  started_by           varchar(64)   not null,
  submitted_by         varchar(64),
  approval_reason      varchar(500),
  decided_by           varchar(64),
  rejection_reason     varchar(1000),
  reason               varchar(1000),
  currency             varchar(3),
  refund_amount        numeric(19, 2),
  refund_usd           numeric(19, 2),
  purchase_total       numeric(19, 2),
  net_payable          numeric(19, 2),
  net_payable_usd      numeric(19, 2),
  -- the exchange's: saved before the call, reused on a retry
  session_id           varchar(200),
  request_id           varchar(36),
  operation_id         varchar(1000),
  new_reservation_orders varchar(1000),
  -- an exchange's new reservations: the cart of the purchase it opened (found by that purchase's process instance)
  purchase_process_instance_id varchar(64),
  purchase_id          varchar(36),
  problem              varchar(1000),
  created_at           timestamp with time zone not null,
  submitted_at         timestamp with time zone,
  completed_at         timestamp with time zone
);
create unique index reservation_return_process_idx on reservation_return (process_instance_id);
create unique index reservation_return_purchase_idx on reservation_return (purchase_process_instance_id);
create index reservation_return_budget_idx on reservation_return (customer_id, counted, submitted_at);

create table reservation_return_line (
  return_id            varchar(36)   not null references reservation_return (id),
  line_number          integer       not null,
  reservation_order_id varchar(64)   not null,
  reservation_id       varchar(64)   not null,
  summary              varchar(300)  not null,
  quantity             bigint        not null,
  refund_amount        numeric(19, 2),
  -- a return line's call: its request id saved before the call and reused on a retry, Azure's operation, its outcome
  request_id           varchar(36),
  operation_id         varchar(1000),
  status               varchar(20),
  problem              varchar(1000),
  primary key (return_id, line_number)
);
create index reservation_return_line_reservation_idx on reservation_return_line (reservation_id);

-- One row per customer who ever returned: locked while a return is checked against the budget, so two agents returning
-- for one customer at once are checked one after the other, on one node or several.
create table refund_budget_lock (
  customer_id          varchar(36)   primary key
);
