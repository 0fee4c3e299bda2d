-- Returns and exchanges at the embedded Azure (issue 18): what Microsoft.Capacity's calculateRefund / calculateExchange
-- quoted (a session, valid for 10 minutes and used at most once) and the long-running operations that return / exchange
-- started. The reservations themselves change in pc_reservation (quantity, provisioning state) and exchanges add
-- pc_reservation_order rows. Reservation Desk's refund budget is not kept here: the embedded Azure only reports its figures.
create table pc_return_session (
  id            varchar(36)  primary key,
  customer_id   varchar(36)  not null references pc_customer (id),
  -- Refund or Exchange
  kind          varchar(10)  not null,
  -- what was quoted, as JSON: the lines returned with their refunds, the reservations bought with their prices, the totals
  content       text         not null,
  expires_at    timestamp with time zone not null,
  -- the operation that used it; a session is used once
  operation_id  varchar(36),
  created_at    timestamp with time zone not null
);
create index pc_return_session_customer on pc_return_session (customer_id);

create table pc_return_operation (
  id             varchar(36)   primary key,
  customer_id    varchar(36)   not null references pc_customer (id),
  kind           varchar(10)   not null,
  session_id     varchar(36)   not null references pc_return_session (id),
  -- the caller's request id (x-ms-client-request-id at Azure): the same request id never returns twice
  request_id     varchar(100)  not null,
  -- Running, Succeeded, Failed
  status         varchar(10)   not null,
  -- looks at a running operation so far: the embedded Azure finishes after a fixed number, so that polling is real
  polls          integer       not null,
  -- the refund in Azure's pricing currency (USD) that a return adds to Azure's refund window; 0 for an exchange
  pricing_refund numeric(19, 4) not null,
  -- the reservation orders an exchange bought, comma-separated
  new_reservation_order_ids varchar(2000),
  created_at     timestamp with time zone not null,
  constraint pc_return_operation_request unique (customer_id, request_id)
);
