-- A purchase exists from the moment its process starts: a DRAFT until the agent has chosen a customer and
-- an Azure subscription. Every fact of a purchase (who started it, for whom, which subscription) is kept
-- here from the start, found by the purchase's process instance, which no agent can change; the process
-- variables only show it.
alter table purchase alter column customer_id drop not null;
alter table purchase alter column customer_name drop not null;
alter table purchase alter column customer_country drop not null;
alter table purchase alter column subscription_id drop not null;
alter table purchase alter column subscription_name drop not null;
alter table purchase alter column currency drop not null;
create unique index purchase_process_idx on purchase (process_instance_id);
create index purchase_created_by_idx on purchase (created_by, created_at);

-- What an ordered purchase waits for (an approver, the subscription's registration), shown on the agent's
-- "Your purchases" page while no task is open.
alter table purchase add column waiting_for varchar(500);
