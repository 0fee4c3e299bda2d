package com.reservationdesk.engine.form;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.security.Roles;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule that comes first: <b>a user task accepts exactly the fields its form declares</b>, and a process
 * starts with exactly its start form's fields. It holds on every route a user can write variables by:
 * complete, submit-form, resolve, {@code PUT}/{@code POST}/{@code DELETE} of task variables (local ones and
 * multipart {@code /data} included), a start, a start form. The fields are read from the deployed Camunda
 * Form of the task ({@link FormFields}), so a field a process owner adds in the Modeler is accepted without
 * code, and the form is the only contract.
 *
 * <p>Routes that change a process outside its forms (process-instance and execution variables, process
 * instance modification and restart, message correlation, signals, BPMN errors and escalations thrown at a
 * user task, external tasks, a start at a given activity) are for the people who run the engine
 * ({@link Roles#STAFF_OF_THE_ENGINE}): anyone else is refused with a sentence, whatever Camunda's
 * authorizations would say.
 *
 * <p>Commands without an authenticated user are the server's own (delegates, jobs, timers) and pass. A
 * refusal is an {@link InvalidInputException}: {@code 400} with the sentence on the REST API, and the
 * command's transaction, in which nothing was written yet, is rolled back.
 */
final class FormContract {

  private static final Logger log = LoggerFactory.getLogger(FormContract.class);

  /** Commands that change a process's state or variables outside its forms. */
  private static final List<Class<?>> OUTSIDE_THE_FORMS = List.of(AbstractSetVariableCmd.class, AbstractPatchVariablesCmd.class,
      AbstractRemoveVariableCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
      StartProcessInstanceAtActivitiesCmd.class, ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      ProcessInstanceModificationCmd.class, ProcessInstanceModificationBatchCmd.class, RestartProcessInstancesCmd.class,
      AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
      SignalEventReceivedCmd.class, SignalCmd.class, SetVariablesToProcessInstancesBatchCmd.class, CompleteExternalTaskCmd.class,
      HandleExternalTaskBpmnErrorCmd.class, HandleExternalTaskFailureCmd.class);

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  /** The fields each deployed form declares, by process definition and task (or start); deployments never change. */
  private final Cache<String, Set<String>> declared = Caffeine.newBuilder().maximumSize(2_000).build();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  /** @return whether this command is the outermost of this thread, the one a caller sent */
  boolean enter() {
    return ++depth.get()[0] == 1;
  }

  void leave() {
    depth.get()[0]--;
  }

  void check(Command<?> command, CommandContext context) {
    Authentication user = context == null ? null : context.getAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    if (command instanceof CompleteTaskCmd) {
      checkTask(context, read(command, "taskId"), names(read(command, "variables")));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTask(context, read(command, "taskId"), names(read(command, "properties")));
    } else if (command instanceof SetTaskVariablesCmd) {
      checkTask(context, read(command, "entityId"), names(read(command, "variables")));
    } else if (command instanceof PatchTaskVariablesCmd) {
      List<String> names = new ArrayList<>(names(read(command, "variables")));
      names.addAll(names(read(command, "deletions")));
      checkTask(context, read(command, "entityId"), names);
    } else if (command instanceof RemoveTaskVariablesCmd) {
      checkTask(context, read(command, "entityId"), names(read(command, "variableNames")));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = read(command, "instantiationBuilder");
      boolean special = !start.getModificationBuilder().getModificationOperations().isEmpty()
          || start.getModificationBuilder().isSkipCustomListeners() || start.getModificationBuilder().isSkipIoMappings();
      if (special && !Roles.runsTheEngine(user.getGroupIds())) {
        refuse(user, command, "A process starts at its start event, with its listeners: starting elsewhere or skipping them is "
            + "for operators (Cockpit).");
      }
      checkStart(context, user, definition(context, start), start.getBusinessKey(), names(start.getVariables()));
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd && !Roles.runsTheEngine(user.getGroupIds())) {
      refuse(user, command, "A process starts at its start event: starting it at another activity is for operators (Cockpit).");
    } else if (command instanceof SubmitStartFormCmd) {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(read(command, "processDefinitionId"));
      checkStart(context, user, definition, read(command, "businessKey"), names(read(command, "variables")));
    } else if (OUTSIDE_THE_FORMS.stream().anyMatch(type -> type.isInstance(command)) && !Roles.runsTheEngine(user.getGroupIds())) {
      refuse(user, command, "This changes a process outside its forms, which only operators may do (in Cockpit). Work the "
          + "process through its tasks' forms instead.");
    }
  }

  private void checkTask(CommandContext context, String taskId, Collection<String> names) {
    if (taskId == null || names.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // the command answers that the task does not exist; a standalone task belongs to no process
    }
    Set<String> allowed = declared.get(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        key -> fields(context, () -> context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)));
    List<String> extra = names.stream().filter(name -> !allowed.contains(name)).distinct().sorted().toList();
    if (!extra.isEmpty()) {
      log.warn("Refused {} from {} on task {} ({}): not fields of its form", extra, context.getAuthenticatedUserId(), taskId,
          task.getTaskDefinitionKey());
      throw new InvalidInputException("\u201c" + task.getName() + "\u201d takes only the fields of its form"
          + (allowed.isEmpty() ? ", and it has none" : " (" + String.join(", ", new TreeSet<>(allowed)) + ")") + ": "
          + quoted(extra) + (extra.size() == 1 ? " is not one of them" : " are not among them") + ". Nothing was saved.");
    }
  }

  private void checkStart(CommandContext context, Authentication user, ProcessDefinitionEntity definition, String businessKey,
      Collection<String> names) {
    if (definition == null) {
      return; // the command answers that there is no such process
    }
    if (businessKey != null && !businessKey.isBlank() && !Roles.runsTheEngine(user.getGroupIds())) {
      log.warn("Refused a start of {} with business key from {}", definition.getKey(), user.getUserId());
      throw new InvalidInputException("Start \u201c" + definition.getName() + "\u201d without a business key: Reservation Desk "
          + "gives each process its own id. Nothing was started.");
    }
    if (names.isEmpty()) {
      return;
    }
    Set<String> allowed = declared.get(definition.getId() + "/start", key -> fields(context,
        () -> context.getProcessEngineConfiguration().getFormService().getDeployedStartForm(definition.getId())));
    List<String> extra = names.stream().filter(name -> !allowed.contains(name)).distinct().sorted().toList();
    if (!extra.isEmpty()) {
      log.warn("Refused {} from {} at the start of {}: not fields of its start form", extra, user.getUserId(), definition.getKey());
      throw new InvalidInputException("\u201c" + definition.getName() + "\u201d starts with the fields of its start form"
          + (allowed.isEmpty() ? ", and it has none" : " (" + String.join(", ", new TreeSet<>(allowed)) + ")") + ": "
          + quoted(extra) + (extra.size() == 1 ? " is not one of them" : " are not among them") + ". Nothing was started.");
    }
  }

  private static ProcessDefinitionEntity definition(CommandContext context, ProcessInstantiationBuilderImpl start) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      if (start.getProcessDefinitionId() != null) {
        return cache.findDeployedProcessDefinitionById(start.getProcessDefinitionId());
      }
      return start.isProcessDefinitionTenantIdSet()
          ? cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(start.getProcessDefinitionKey(), start.getProcessDefinitionTenantId())
          : cache.findDeployedLatestProcessDefinitionByKey(start.getProcessDefinitionKey());
    } catch (ProcessEngineException notFound) {
      return null;
    }
  }

  /** The form's declared fields, read with the engine's own rights (the caller's are checked by the command itself). */
  private static Set<String> fields(CommandContext context, Supplier<InputStream> form) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return FormFields.declaredBy(form.get());
    } catch (ProcessEngineException noForm) {
      return Set.of(); // no Camunda Form: no field to accept
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  private static void refuse(Authentication user, Command<?> command, String sentence) {
    log.warn("Refused {} from {}: {}", command.getClass().getSimpleName(), user.getUserId(), sentence);
    throw new InvalidInputException(sentence + " Nothing was changed.");
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\u201c" + n + "\u201d").toList());
  }

  private static Collection<String> names(Object variables) {
    if (variables instanceof Map<?, ?> map) {
      return map.keySet().stream().map(String::valueOf).toList();
    }
    if (variables instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** A command's field: the engine's commands carry their arguments in protected fields without getters. */
  @SuppressWarnings("unchecked")
  private static <T> T read(Object command, String name) {
    Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> {
      for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
        try {
          Field found = type.getDeclaredField(name);
          found.setAccessible(true);
          return found;
        } catch (NoSuchFieldException notHere) {
          // look in the superclass
        }
      }
      throw new IllegalStateException(command.getClass().getName() + " has no field " + name + ": the engine changed; "
          + "update FormContract");
    });
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
